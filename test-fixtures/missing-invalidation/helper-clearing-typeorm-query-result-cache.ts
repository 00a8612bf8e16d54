import { Inject, Injectable, CACHE_MANAGER } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Cache } from 'cache-manager';
import { DataSource, Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrderService {
  constructor(@InjectRepository(Order) private orders: Repository<Order>, @Inject(CACHE_MANAGER) private cache: Cache, private ds: DataSource) {}

  async findById(id: string) {
    const key = `orderId-${id}`;
    const hit = await this.cache.get<Order>(key);
    if (hit) return hit;
    const row = await this.orders.findOne({ where: { id } });
    await this.cache.set(key, row, { ttl: 3600 });
    return row;
  }

  // clears TypeORM's query-result cache (`.cache('order', ms)` ids), not cache-manager's orderId-{}
  async removeCache(ids: string[]) {
    await this.ds.queryResultCache?.remove(ids);
  }

  async setStatus(id: string, status: string) {
    await this.orders.update(id, { status }); // expect: missing-invalidation
    await this.removeCache(['order']);
  }
}
