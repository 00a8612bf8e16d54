import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

@Injectable()
export class OrdersRepository {
  constructor(private readonly prisma: PrismaService) {}

  async setStatus(id: string, status: string) {
    return this.prisma.order.update({ where: { id }, data: { status } }); // expect: missing-invalidation
  }
}
