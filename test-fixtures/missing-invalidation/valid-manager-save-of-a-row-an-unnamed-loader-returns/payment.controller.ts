import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Invoice } from './entities';

const redis = new Redis();

export class PaymentController {
  constructor(private readonly dataSource: DataSource) {}

  async create(tenantId: string, invoiceId: string, amount: number) {
    await this.dataSource.manager.increment(Invoice, { id: invoiceId }, 'balanceDue', -amount);
    await redis.del(`invoice:${tenantId}:${invoiceId}`);
  }
}
