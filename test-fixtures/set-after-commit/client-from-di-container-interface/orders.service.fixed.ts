import type { AppClients } from './container';

export class OrdersService {
  constructor(private readonly clients: AppClients) {}

  async markShipped(orderId: string) {
    const order = await this.clients.prisma.order.update({ where: { id: orderId }, data: { status: 'shipped' } });
    await this.clients.redis.del(`order:${orderId}`); // expect: set-after-commit
    return order;
  }
}
