import { Injectable } from '@nestjs/common';
import { Cache } from '@nestjs/cache-manager';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

/** @nestjs/cache-manager v3 also provides the store under its `Cache` class token: no @Inject needed. */
@Injectable()
export class OrdersService {
  constructor(
    private readonly cache: Cache,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
  ) {}

  async findOne(id: number) {
    const cached = await this.cache.get<Order>(`order:${id}`);
    if (cached) return cached;
    const order = await this.orders.findOneBy({ id });
    if (order) await this.cache.set(`order:${id}`, order, 300000); // expect: missing-ttl
    return order;
  }
}
