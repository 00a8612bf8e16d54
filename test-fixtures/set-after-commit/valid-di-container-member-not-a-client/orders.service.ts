// valid: after the update the Redis key is deleted; the Map write is not a cache write
import type { AppClients } from './container';

export class OrdersService {
  constructor(private readonly clients: AppClients) {}

  async markShipped(orderId: string) {
    const order = await this.clients.prisma.order.update({ where: { id: orderId }, data: { status: 'shipped' } });
    await this.clients.redis.del(`order:${orderId}`);
    this.clients.flags.set(`order:${orderId}`, 'shipped');
    return order;
  }
}
