import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import { CacheEnum } from './index';
import { RedisService } from './redis.service';

@Injectable()
export class DictService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly redisService: RedisService,
  ) {}

  async findByType(dictType: string) {
    let data = await this.redisService.get(`${CacheEnum.SYS_DICT_KEY}${dictType}`);
    if (data) return data;
    data = await this.prisma.sysDictData.findMany({ where: { dictType } });
    await this.redisService.set(`${CacheEnum.SYS_DICT_KEY}${dictType}`, data); // expect: missing-ttl
    return data;
  }

  /** Warms every dictionary at start-up: the same keys the reads fill, never expiring. */
  async loadingDictCache() {
    const rows = await this.prisma.sysDictData.findMany();
    const grouped: Record<string, typeof rows> = {};
    for (const row of rows) (grouped[row.dictType] ??= []).push(row);
    await Promise.all(
      Object.entries(grouped).map(([dictType, items]) =>
        this.redisService.set(CacheEnum.SYS_DICT_KEY + dictType, items), // expect: missing-ttl
      ),
    );
  }
}
