import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

/** A second service writes the same table directly: the storefront keeps showing the old price. */
@Injectable()
export class AdminService {
  constructor(private readonly prisma: PrismaService) {}

  async setPrice(id: string, price: number) {
    await this.prisma.product.update({ where: { id }, data: { price } }); // expect: missing-invalidation
  }
}
