// A warm-up job copies properties into `property:{id}` and no code ever reads that key: updating a
// property leaves nothing stale anyone sees. Agents are warmed the same way and read back: renaming
// one leaves the cached copy stale.
import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import type { Cache } from 'cache-manager';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

@Injectable()
export class PropertiesService {
  constructor(@Inject(CACHE_MANAGER) private readonly cache: Cache) {}

  async warmUp() {
    const rows = await prisma.property.findMany({ take: 50 });
    for (const p of rows) await this.cache.set(`property:${p.id}`, p, 300_000);
    const agents = await prisma.agent.findMany({ take: 50 });
    for (const a of agents) await this.cache.set(`agent:${a.id}`, a, 300_000);
  }

  async getAgent(id: string) {
    const hit = await this.cache.get(`agent:${id}`);
    if (hit) return hit;
    const row = await prisma.agent.findUnique({ where: { id } });
    await this.cache.set(`agent:${id}`, row, 300_000);
    return row;
  }

  async retitle(id: string, title: string) {
    await prisma.property.update({ where: { id }, data: { title } });
  }

  async renameAgent(id: string, name: string) {
    await prisma.agent.update({ where: { id }, data: { name } }); // expect: missing-invalidation
  }
}
