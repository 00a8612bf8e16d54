import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { PrismaService } from '../prisma.service';
import { CacheKeys, PRODUCT_TTL_MS } from '../cache/keys';

@Injectable()
export class ProductsService {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async findOne(id: string) {
    const key = CacheKeys.product(id);
    const cached = await this.cache.get(key);
    if (cached) return cached;
    const product = await this.prisma.product.findUnique({ where: { id } });
    if (product) await this.cache.set(key, product, PRODUCT_TTL_MS);
    return product;
  }

  async page(page: number) {
    const cached = await this.cache.get(CacheKeys.productList(page));
    if (cached) return cached;
    const rows = await this.prisma.product.findMany({ skip: (page - 1) * 50, take: 50, orderBy: { name: 'asc' } });
    await this.cache.set(CacheKeys.productList(page), rows, PRODUCT_TTL_MS);
    return rows;
  }

  async rename(id: string, name: string) {
    await this.prisma.product.update({ where: { id }, data: { name } });
    await this.cache.del(CacheKeys.product(id));
  }
}
