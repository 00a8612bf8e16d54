// valid: one function serves the cached copy, another writes from the request
import { createClient } from 'redis';
import { DataTypes, Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
class Product extends Model {}
Product.init({ price: DataTypes.INTEGER }, { sequelize });
const client = createClient();

export async function product(id: number) {
  const hit = await client.get(`product:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await Product.findByPk(id);
  await client.set(`product:${id}`, JSON.stringify(row), { EX: 300 });
  return row;
}

export async function reprice(id: number, price: number) {
  await Product.update({ price }, { where: { id } });
  await client.del(`product:${id}`);
}
