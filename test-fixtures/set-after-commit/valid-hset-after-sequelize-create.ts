// valid: a hash written right after a Sequelize create: the row is new, no older copy can exist
import Redis from 'ioredis';
import { DataTypes, Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
const redis = new Redis();

class Device extends Model {
  declare id: string;
  declare ownerId: string;
}
Device.init({ id: { type: DataTypes.UUID, primaryKey: true }, ownerId: DataTypes.UUID }, { sequelize, tableName: 'devices' });

export async function registerDevice(id: string, ownerId: string) {
  const device = await Device.create({ id, ownerId });
  await redis.hset(`device:${id}`, { ownerId });
  await redis.expire(`device:${id}`, 3600);
  return device;
}
