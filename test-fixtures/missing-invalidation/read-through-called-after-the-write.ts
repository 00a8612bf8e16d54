// update saves the order, then reads it back through the read-through findById: the copy cached
// before the write comes back. A subscriber dropping TypeORM's own query cache ids clears none of
// the application's keys. getOrCreate reads the key first: its write is part of its read path.
import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER, Cache } from '@nestjs/cache-manager';
import { InjectRepository } from '@nestjs/typeorm';
import { Connection, EntitySubscriberInterface, EventSubscriber, Repository, UpdateEvent } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrderService {
  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
  ) {}

  async findById(id: string): Promise<Order> {
    const key = `orderId-${id}`;
    const hit = await this.cache.get<Order>(key);
    if (hit) return hit;
    const row = await this.orders.findOneOrFail({ where: { id } });
    await this.cache.set(key, row, 60 * 60 * 1000);
    return row;
  }

  async update(order: Order): Promise<Order> {
    await this.orders.save(order); // expect: missing-invalidation
    return this.findById(order.id);
  }

  async getOrCreate(id: string, customerId: string): Promise<Order> {
    const key = `orderId-${id}`;
    const hit = await this.cache.get<Order>(key);
    if (hit) return hit;
    const row = (await this.orders.findOne({ where: { id } })) ?? (await this.orders.save({ id, customerId, status: 'new' }));
    await this.cache.set(key, row, 60 * 60 * 1000);
    return row;
  }
}

@EventSubscriber()
export class OrderSubscriber implements EntitySubscriberInterface<Order> {
  constructor(connection: Connection) {
    connection.subscribers.push(this);
  }

  listenTo() {
    return Order;
  }

  async afterUpdate(event: UpdateEvent<Order>): Promise<void> {
    await event.manager.connection.queryResultCache?.remove(['Order', 'orderId']);
  }
}
