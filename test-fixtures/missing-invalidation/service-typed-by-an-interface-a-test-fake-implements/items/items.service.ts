// Injected by a symbol token and typed by an interface the project's Redis service implements
// (and a test fake): the item is cached for ten minutes and a rename never drops it.
import { Inject, Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import { CacheService, ICacheService } from '../cache/cache.service.interface';

@Injectable()
export class ItemsService {
  private readonly prisma = new PrismaClient();

  constructor(@Inject(CacheService) private readonly cacheService: ICacheService) {}

  async findOne(id: string) {
    const hit = await this.cacheService.readJson(`item:${id}`);
    if (hit) return hit;
    const item = await this.prisma.item.findUnique({ where: { id } });
    await this.cacheService.writeJson(`item:${id}`, item, 600);
    return item;
  }

  async rename(id: string, name: string) {
    await this.prisma.item.update({ where: { id }, data: { name } }); // expect: missing-invalidation
  }
}
