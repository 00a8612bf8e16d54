import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CacheService } from './cache.service';
import { Order } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(
    private readonly cache: CacheService,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
  ) {}

  async findOne(id: number): Promise<Order | null> {
    const cached = await this.cache.get<Order>(`order:${id}`);
    if (cached) return cached;
    const order = await this.orders.findOneBy({ id });
    // CacheService.set never expires: the key chosen here is a cache, so here is the finding
    if (order) await this.cache.set(`order:${id}`, order); // expect: missing-ttl
    return order;
  }

  async summary(customerId: number) {
    const cached = await this.cache.get<{ count: number }>(`orders:summary:${customerId}`);
    if (cached) return cached;
    const count = await this.orders.countBy({ customerId });
    await this.cache.set(`orders:summary:${customerId}`, { count }); // expect: missing-ttl
    return { count };
  }
}
