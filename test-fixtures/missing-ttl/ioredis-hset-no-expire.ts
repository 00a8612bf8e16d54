import Redis from 'ioredis';
import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
const Cart = sequelize.define('Cart', { userId: DataTypes.STRING, items: DataTypes.JSON });
const redis = new Redis();

export async function loadCart(userId: string): Promise<Record<string, string>> {
  const cached = await redis.hgetall(`cart:${userId}`);
  if (Object.keys(cached).length > 0) return cached;
  const cart = await Cart.findOne({ where: { userId } });
  const items: Record<string, string> = cart ? (cart.get('items') as Record<string, string>) : {};
  if (Object.keys(items).length > 0) {
    await redis.hset(`cart:${userId}`, items); // expect: missing-ttl
  }
  return items;
}
