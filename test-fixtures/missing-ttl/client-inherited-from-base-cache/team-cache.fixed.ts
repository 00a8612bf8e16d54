import { PrismaClient } from '@prisma/client';
import { BaseCache } from './base-cache';

const prisma = new PrismaClient();

export class TeamCache extends BaseCache {
  async team(id: string) {
    const hit = await this.client.get(`team:${id}`);
    if (hit) return JSON.parse(hit);
    const row = await prisma.team.findUnique({ where: { id } });
    await this.client.set(`team:${id}`, JSON.stringify(row), 'EX', 300); // expect: missing-ttl
    return row;
  }

  async members(teamId: string) {
    const hit = await this.client.get(`team-members:${teamId}`);
    if (hit) return JSON.parse(hit);
    const rows = await prisma.membership.findMany({ where: { teamId } });
    await this.client.set(`team-members:${teamId}`, JSON.stringify(rows), 'EX', 300);
    return rows;
  }
}
