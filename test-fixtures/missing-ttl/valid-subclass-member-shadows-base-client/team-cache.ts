// valid: `this.local` is the subclass's own Map, not the inherited client: its `set` is no cache write
import { PrismaClient } from '@prisma/client';
import { BaseCache } from './base-cache';

const prisma = new PrismaClient();

export class TeamCache extends BaseCache {
  private readonly local = new Map<string, unknown>();

  async team(id: string) {
    const hit = this.local.get(`team:${id}`);
    if (hit) return hit;
    const row = await prisma.team.findUnique({ where: { id } });
    this.local.set(`team:${id}`, row);
    return row;
  }
}
