import { caching } from 'cache-manager';
import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
const Country = sequelize.define('Country', { code: DataTypes.STRING, vatRate: DataTypes.FLOAT });
const memory = await caching('memory', { max: 300, ttl: 10 * 60_000 });

export async function vatRate(code: string): Promise<number | undefined> {
  const cached = await memory.get<number>(`vat:${code.toUpperCase()}`);
  if (cached !== undefined) return cached;
  const row = await Country.findOne({ where: { code } });
  const rate = row?.get('vatRate') as number | undefined;
  if (rate !== undefined) await memory.set(`vat:${code.toUpperCase()}`, rate);
  return rate;
}

export async function updateVatRate(code: string, vatRate: number) {
  await Country.update({ vatRate }, { where: { code } });
  await memory.del(`vat:${code.toUpperCase()}`); // expect: key-drift
}
