import NodeCache from 'node-cache';
import { EntityManager } from '@mikro-orm/postgresql';
import { Invoice } from './invoice.entity';

const cache = new NodeCache({ stdTTL: 120 });

export class InvoiceService {
  constructor(private readonly em: EntityManager) {}

  async get(id: string): Promise<Invoice | null> {
    const hit = cache.get<Invoice>(`invoice/${id}`);
    if (hit) return hit;
    const invoice = await this.em.findOne(Invoice, { id });
    if (invoice) cache.set(`invoice/${id}`, invoice);
    return invoice;
  }

  async markPaid(id: string): Promise<void> {
    const invoice = await this.em.findOneOrFail(Invoice, { id });
    invoice.paidAt = new Date();
    await this.em.flush();
    cache.del(`invoice:${id}`); // expect: key-drift
  }
}
