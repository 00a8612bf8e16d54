// A MikroORM EventSubscriber for Order re-caches the order after each update.
import type { EventArgs, EventSubscriber } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { Order } from './entities/order.entity';

@Injectable()
export class OrderSubscriber implements EventSubscriber<Order> {
  constructor(private readonly redis: Redis) {}

  getSubscribedEntities() {
    return [Order];
  }

  async afterUpdate(args: EventArgs<Order>) {
    await this.redis.del(`order:${args.entity.id}`); // expect: set-after-commit
  }
}
