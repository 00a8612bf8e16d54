// The dictionary's entries are cached per dict type under `sys:dictType:<type>` (the key names the
// column the rows are read by, not the entity). Editing an entry never deletes that list, so the
// old label is served for a day.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

export class DictService {
  constructor(
    private readonly redis: Redis,
    private readonly prisma: PrismaClient,
  ) {}

  async entriesOf(dictType: string) {
    const hit = await this.redis.get(`sys:dictType:${dictType}`);
    if (hit) return JSON.parse(hit);
    const entries = await this.prisma.sysDictData.findMany({ where: { dictType }, orderBy: { dictSort: 'asc' } });
    await this.redis.set(`sys:dictType:${dictType}`, JSON.stringify(entries), 'EX', 86400);
    return entries;
  }

  async updateEntry(dictCode: number, dictLabel: string) {
    return this.prisma.sysDictData.update({ where: { dictCode }, data: { dictLabel } }); // expect: missing-invalidation
  }
}
