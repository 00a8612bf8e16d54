import { prisma } from '../db';

/** A method of the same name as the cache layer's function: no use of it. */
export class BillingService {
  async getInvoice(id: string) {
    return prisma.invoice.findUnique({ where: { id } });
  }
}
