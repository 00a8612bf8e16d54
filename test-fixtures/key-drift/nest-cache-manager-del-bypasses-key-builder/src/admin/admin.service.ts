import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { PrismaService } from '../prisma.service';
import { CacheKeys } from '../cache/keys';

@Injectable()
export class AdminService {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  /** Bulk discontinue from the back office; the storefront must stop showing them at once. */
  async discontinue(ids: string[]) {
    await this.prisma.product.updateMany({ where: { id: { in: ids } }, data: { discontinued: true } });
    for (const id of ids) {
      await this.cache.del(`product:${id}`); // expect: key-drift
    }
    await this.cache.del(CacheKeys.productList(1));
  }
}
