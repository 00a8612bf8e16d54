import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { CacheService } from './cache.service';

@Injectable()
export class ProductsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly cache: CacheService,
  ) {}

  async product(id: string) {
    const hit = await this.cache.get(`product:${id}`);
    if (hit) return hit;
    const row = await this.prisma.product.findUnique({ where: { id } });
    await this.cache.set(`product:${id}`, row);
    return row;
  }
}
