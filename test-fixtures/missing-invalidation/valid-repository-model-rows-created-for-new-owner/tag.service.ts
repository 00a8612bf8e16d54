// Tag groups are cached as lists read through the repository (`tagItemRepo`); a new workspace gets
// its own copies of the default tags, written under the model's name. Whether those rows belong
// in a cached list is not shown by the repository's name alone, so nothing is reported.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import { TagItemRepository } from './tag-item.repository';

export class TagService {
  constructor(
    private readonly tagItemRepo: TagItemRepository,
    private readonly prisma: PrismaClient,
    private readonly redis: Redis,
  ) {}

  async group(group: string) {
    const hit = await this.redis.get(`tag:${group}`);
    if (hit) return JSON.parse(hit);
    const rows = await this.tagItemRepo.findMany({ group });
    await this.redis.set(`tag:${group}`, JSON.stringify(rows), 'EX', 600);
    return rows;
  }

  async seedWorkspace(workspaceId: number, defaults: { group: string; name: string }[]) {
    await this.prisma.sysTagItem.createMany({ data: defaults.map((d) => ({ ...d, workspaceId })) });
  }
}
