import { redis } from '../redis';
import { prisma } from '../../db';

/** A cache layer written for invoices, exported by the barrel, and never wired into a route. */
export class InvoiceCacheManager {
  async getInvoice(id: string) {
    const hit = await redis.get(`invoice:details:${id}`);
    if (hit) return JSON.parse(hit);
    const row = await prisma.invoice.findUnique({ where: { id } });
    await redis.set(`invoice:details:${id}`, JSON.stringify(row), 'EX', 600);
    return row;
  }
}

let manager: InvoiceCacheManager | undefined;
export function getInvoiceCacheManager() {
  return (manager ??= new InvoiceCacheManager());
}

export const getInvoice = (id: string) => getInvoiceCacheManager().getInvoice(id);
export const getInvoiceStats = async () => JSON.parse((await redis.get('invoice:stats')) ?? '{}');
