// A service method handing its parameter to the repository as it is: unlike a repository's own
// facade method, this is the write path, and nothing on it clears the cached order.
import Redis from 'ioredis';
import { Repository } from 'typeorm';

interface Order {
  id: number;
  status: string;
}

export class OrderService {
  constructor(
    private readonly redis: Redis,
    private readonly orderRepository: Repository<Order>,
  ) {}

  async findById(id: number) {
    const hit = await this.redis.get(`orderId-${id}`);
    if (hit) return JSON.parse(hit) as Order;
    const order = await this.orderRepository.findOne({ where: { id } });
    if (order) await this.redis.set(`orderId-${id}`, JSON.stringify(order), 'EX', 3600);
    return order;
  }

  async remove(order: Order) {
    return this.orderRepository.remove(order); // expect: missing-invalidation
  }
}
