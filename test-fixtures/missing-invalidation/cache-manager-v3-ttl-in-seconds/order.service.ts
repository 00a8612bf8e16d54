import { CACHE_MANAGER, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Cache } from 'cache-manager';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrderService {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async findById(id: string) {
    const hit = await this.cache.get<Order>(`orderId-${id}`);
    if (hit) return hit;
    const order = await this.orders.findOne({ where: { id } });
    // cache-manager 3 takes the TTL in seconds: an hour, not 3.6 seconds
    await this.cache.set(`orderId-${id}`, order, { ttl: 3600 });
    return order;
  }

  async updateStatus(id: string, status: string) {
    await this.orders.update(id, { status }); // expect: missing-invalidation
  }
}
