import { caching } from 'cache-manager';
import { DataTypes, Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);

export class Customer extends Model {
  declare id: number;
  declare email: string;
}
Customer.init({ email: DataTypes.STRING }, { sequelize, tableName: 'customers' });

const memory = await caching('memory', { max: 1000, ttl: 60 * 1000 });

export async function loadCustomer(id: number) {
  const key = `customer:${id}`;
  const cached = await memory.get<Customer | null>(key);
  if (cached !== undefined) return cached;
  const customer = await Customer.findByPk(id);
  await memory.set(key, customer ?? null, customer ? 600_000 : 30_000);
  return customer;
}

export async function registerCustomer(email: string) {
  const customer = await Customer.create({ email }); // expect: negative-cache-on-create
  await memory.del(`customer:${customer.id}`);
  return customer;
}
