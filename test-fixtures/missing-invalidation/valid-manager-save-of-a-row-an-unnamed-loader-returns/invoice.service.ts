// valid: the saved row comes from a loader whose name says nothing of what it loads (loadDraft),
// and the variable names no entity either: no cached entity is shown to be written.
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

  async loadDraft(tenantId: string, id: string): Promise<Invoice> {
    return this.invoices.findOneByOrFail({ id, tenantId });
  }

  async addPayment(tenantId: string, invoiceId: string, amount: number) {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.startTransaction();
    try {
      const draft = await this.loadDraft(tenantId, invoiceId);
      const payment = this.payments.create({ invoiceId, amount, tenantId });
      await queryRunner.manager.save(payment);
      draft.balanceDue = draft.balanceDue - amount;
      await queryRunner.manager.save(draft);
      await queryRunner.commitTransaction();
    } catch (e) {
      await queryRunner.rollbackTransaction();
      throw e;
    }
  }
}

export function loadDraftOf(service: InvoiceService, tenantId: string, id: string) {
  return service.getInvoice(tenantId, id);
}
