// MikroORM `em.transactional`: the invoice's key is deleted while the flush is still uncommitted.
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { Invoice } from './invoice.entity';

@Injectable()
export class InvoicesService {
  private readonly redis = new Redis();

  constructor(private readonly em: EntityManager) {}

  async markPaid(id: number, paidAt: Date) {
    await this.em.transactional(async (em) => {
      await em.nativeUpdate(Invoice, { id }, { status: 'paid', paidAt });
      await this.redis.del(`invoice:${id}`); // expect: invalidate-before-commit
    });
  }
}
