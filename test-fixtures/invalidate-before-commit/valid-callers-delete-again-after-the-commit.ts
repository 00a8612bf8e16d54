// valid: the service deletes the invoice pages inside its transaction, and every caller deletes
// them again once the call returns (committed): a delayed double delete split across the two
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Invoice } from './invoice.entity';

const redis = new Redis();
const ds = new DataSource({ type: 'postgres' });

export async function invoicesOf(tenantId: string, page: number) {
  const hit = await redis.get(`invoices:${tenantId}:${page}`);
  if (hit) return JSON.parse(hit);
  const rows = await ds.getRepository(Invoice).find({ where: { tenantId }, skip: page * 20, take: 20 });
  await redis.set(`invoices:${tenantId}:${page}`, JSON.stringify(rows), 'EX', 600);
  return rows;
}

export class InvoiceService {
  async markPaid(tenantId: string, id: string) {
    const qr = ds.createQueryRunner();
    await qr.startTransaction();
    await qr.manager.update(Invoice, { id, tenantId }, { status: 'paid' });
    await redis.del(`invoices:${tenantId}:0`);
    await qr.commitTransaction();
  }
}

export class InvoiceController {
  constructor(private invoices: InvoiceService) {}
  async pay(tenantId: string, id: string) {
    await this.invoices.markPaid(tenantId, id);
    await redis.del(`invoices:${tenantId}:0`);
  }
}
