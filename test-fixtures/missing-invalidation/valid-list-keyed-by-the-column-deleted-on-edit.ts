// valid: the dictionary's entries are cached per dict type under `sys:dictType:<type>`, and editing
// an entry deletes the list of its type after the update.
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
    const entry = await this.prisma.sysDictData.update({ where: { dictCode }, data: { dictLabel } });
    await this.redis.del(`sys:dictType:${entry.dictType}`);
    return entry;
  }
}
