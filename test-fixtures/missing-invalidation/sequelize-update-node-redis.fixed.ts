import { createClient } from 'redis';
import { DataTypes, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
const Plan = sequelize.define('Plan', { name: DataTypes.STRING, price: DataTypes.INTEGER });
const redis = createClient();

export async function plan(id: number) {
  const hit = await redis.get(`plan:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await Plan.findByPk(id);
  await redis.set(`plan:${id}`, JSON.stringify(row), { EX: 3600 });
  return row;
}

export async function reprice(id: number, price: number) {
  await Plan.update({ price }, { where: { id } }); // expect: missing-invalidation
  await redis.del(`plan:${id}`);
}
