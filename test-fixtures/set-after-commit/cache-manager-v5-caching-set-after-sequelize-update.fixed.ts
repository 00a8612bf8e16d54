// cache-manager v5 memory store (default TTL configured) next to a Sequelize model update.
import { caching } from 'cache-manager';
import { DataTypes, Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);

class Invoice extends Model {
  declare id: number;
  declare status: string;
}
Invoice.init({ id: { type: DataTypes.INTEGER, primaryKey: true }, status: DataTypes.STRING }, { sequelize, tableName: 'invoices' });

const memoryCache = await caching('memory', { max: 1000, ttl: 60 * 1000 });

export async function markPaid(id: number) {
  await Invoice.update({ status: 'paid' }, { where: { id } });
  const invoice = await Invoice.findByPk(id);
  await memoryCache.del(`invoice:${id}`); // expect: set-after-commit
  return invoice;
}
