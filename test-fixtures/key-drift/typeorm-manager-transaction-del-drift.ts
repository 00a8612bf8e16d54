import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Subscription } from './subscription.entity';
import { Invoice } from './invoice.entity';

@Injectable()
export class BillingService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async subscription(accountId: string): Promise<Subscription | null> {
    const hit = await this.redis.get(`billing:subscription:${accountId}`);
    if (hit) return JSON.parse(hit);
    const sub = await this.dataSource.getRepository(Subscription).findOneBy({ accountId });
    if (sub) await this.redis.set(`billing:subscription:${accountId}`, JSON.stringify(sub), 'EX', 300);
    return sub;
  }

  async cancel(accountId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Subscription, { accountId }, { status: 'cancelled' });
      await manager.insert(Invoice, { accountId, amountCents: 0, reason: 'cancellation' });
    });
    await this.redis.del(`billing:Subscription:${accountId}`); // expect: key-drift
  }
}
