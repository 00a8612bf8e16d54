import { prisma } from '../db';

/** Another module's function of the same name as the cache layer's. */
export async function getInvoiceStats() {
  return prisma.invoice.aggregate({ _sum: { total: true } });
}
