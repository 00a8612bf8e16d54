import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Cache } from 'cache-manager';
import { PrismaService } from './prisma.service';

@Injectable()
export class ProductsService {
  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    private readonly prisma: PrismaService,
  ) {}

  async findOne(id: string) {
    const cached = await this.cache.get(`product:${id}`);
    if (cached) return cached;
    const product = await this.prisma.product.findUnique({ where: { id } });
    if (product) await this.cache.set(`product:${id}`, product); // expect: missing-ttl
    return product;
  }
}
