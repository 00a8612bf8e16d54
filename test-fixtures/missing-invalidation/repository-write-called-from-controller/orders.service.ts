import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { OrdersRepository } from './orders.repository';
import { PrismaService } from './prisma.service';

@Injectable()
export class OrdersService {
  constructor(
    private readonly repo: OrdersRepository,
    private readonly prisma: PrismaService,
    private readonly redis: Redis,
  ) {}

  async order(id: string) {
    const hit = await this.redis.get(`order:${id}`);
    if (hit) return JSON.parse(hit);
    const row = await this.prisma.order.findUnique({ where: { id } });
    await this.redis.set(`order:${id}`, JSON.stringify(row), 'EX', 300);
    return row;
  }

  /** Neither this service nor the controller that calls it deletes the cached order. */
  async ship(id: string) {
    await this.repo.setStatus(id, 'shipped');
  }
}
