import { caching } from 'cache-manager';
import { MikroORM } from '@mikro-orm/postgresql';
import { Invoice } from './entities/invoice';

const memory = await caching('memory', { max: 1000 });

export async function invoiceTotals(orm: MikroORM, customerId: string) {
  const key = `invoice-totals:${customerId}`;
  const hit = await memory.get<number>(key);
  if (hit !== undefined) return hit;
  const invoices = await orm.em.fork().find(Invoice, { customer: customerId });
  const total = invoices.reduce((sum, i) => sum + i.amountCents, 0);
  await memory.set(key, total, 300000); // expect: missing-ttl
  return total;
}
