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

/** A discount computed from the cached price: a stale price is committed. */
export async function discount(id: number) {
  const cached = JSON.parse((await client.get(`product:${id}`)) ?? '{}');
  await Product.update({ price: Math.round(cached.price * 0.9) }, { where: { id } }); // expect: write-from-cache
  await client.del(`product:${id}`);
}
