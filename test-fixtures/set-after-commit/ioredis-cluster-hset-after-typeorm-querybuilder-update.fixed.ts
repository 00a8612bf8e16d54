// Redis Cluster hash write-through after a TypeORM query-builder update (whose `.set({...})` is SQL).
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Product } from './product.entity';

const cluster = new Redis.Cluster([{ host: 'redis-0', port: 6379 }, { host: 'redis-1', port: 6379 }]);

export class PricingJob {
  constructor(private readonly dataSource: DataSource) {}

  async applyDiscount(id: number, discountPct: number): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(Product)
      .set({ discountPct })
      .where('id = :id', { id })
      .execute();
    await cluster.del(`product:${id}`); // expect: set-after-commit
  }
}
