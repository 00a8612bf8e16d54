// valid: the helper named like an invalidation really deletes the orderId-{} key
import { Inject, Injectable, CACHE_MANAGER } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Cache } from 'cache-manager';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrderService {
  constructor(@InjectRepository(Order) private orders: Repository<Order>, @Inject(CACHE_MANAGER) private cache: Cache) {}

  async findById(id: string) {
    const key = `orderId-${id}`;
    const hit = await this.cache.get<Order>(key);
    if (hit) return hit;
    const row = await this.orders.findOne({ where: { id } });
    await this.cache.set(key, row, { ttl: 3600 });
    return row;
  }

  async removeCache(id: string) {
    await this.cache.del(`orderId-${id}`);
  }

  async setStatus(id: string, status: string) {
    await this.orders.update(id, { status });
    await this.removeCache(id);
  }
}
