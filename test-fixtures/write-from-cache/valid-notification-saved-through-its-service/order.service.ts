// valid: the notification quotes the cached order (its code, its id): a new record of what was seen
import { CACHE_MANAGER, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Cache } from 'cache-manager';
import { Repository } from 'typeorm';
import { NotificationService } from './notification.service';
import { Order } from './order.entity';

@Injectable()
export class OrderService {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    private readonly notificationService: NotificationService,
  ) {}

  async findById(id: string) {
    const hit = await this.cache.get<Order>(`order:${id}`);
    if (hit) return hit;
    const order = await this.orders.findOne({ where: { id } });
    await this.cache.set(`order:${id}`, order, 600_000);
    return order;
  }

  async notifyShipped(id: string) {
    const order = await this.findById(id);
    await this.orders.update(id, { shippedAt: new Date() });
    await this.notificationService.save({ content: `Order ${order.code} has shipped`, entityId: order.id, user: order.sale });
  }
}
