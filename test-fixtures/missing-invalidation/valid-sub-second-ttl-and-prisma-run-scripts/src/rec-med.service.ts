// valid: cache-manager 5 takes milliseconds: `set(key, v, 360)` keeps the list 0.36 s, so an update
// leaves nothing stale for longer than a read racing it would; and prisma/run/ holds one-off scripts
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { PrismaClient } from '@prisma/client';

@Injectable()
export class RecMedService {
  private readonly prisma = new PrismaClient();
  constructor(@Inject(CACHE_MANAGER) private readonly cacheManager: Cache) {}

  async findAll(companyId: string) {
    const key = `REC_MED_ALL:${companyId}`;
    const hit = await this.cacheManager.get(key);
    if (hit) return hit;
    const rows = await this.prisma.recMed.findMany({ where: { companyId } });
    await this.cacheManager.set(key, rows, 360);
    return rows;
  }

  async update(id: string, name: string) {
    return this.prisma.recMed.update({ where: { id }, data: { name } });
  }
}
