// A payment loads the invoice through the service's own cached loader, changes its balance and
// saves it with the query runner's manager; nothing deletes the cached invoice (and the saved row
// is the cached copy). (PaymentController
// has a `create` that clears invoice keys, but `this.payments.create(…)` here is the repository's.)
import Redis from 'ioredis';
import { DataSource, Repository } from 'typeorm';
import { Invoice, Payment } from './entities';

const redis = new Redis();

export class InvoiceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invoices: Repository<Invoice>,
    private readonly payments: Repository<Payment>,
  ) {}

  async getInvoice(tenantId: string, id: string): Promise<Invoice> {
    const hit = await redis.get(`invoice:${tenantId}:${id}`);
    if (hit) return JSON.parse(hit);
    const row = await this.invoices.findOneByOrFail({ id, tenantId });
    await redis.set(`invoice:${tenantId}:${id}`, JSON.stringify(row), 'EX', 300);
    return row;
  }

  async addPayment(tenantId: string, invoiceId: string, amount: number) {
    const invoice = await this.getInvoice(tenantId, invoiceId);
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.startTransaction();
    try {
      const payment = this.payments.create({ invoiceId, amount, tenantId });
      await queryRunner.manager.save(payment);
      invoice.balanceDue = invoice.balanceDue - amount;
      await queryRunner.manager.save(invoice); // expect: missing-invalidation, write-from-cache
      await queryRunner.commitTransaction();
    } catch (e) {
      await queryRunner.rollbackTransaction();
      throw e;
    }
  }
}
