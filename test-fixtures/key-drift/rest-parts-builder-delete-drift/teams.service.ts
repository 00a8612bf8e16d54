// Reads cache `team:<id>`; the rename deletes `teams:<id>`, a key nobody reads, so the old name
// stays cached for the hour.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import { cacheKey } from './keys';

export class TeamsService {
  constructor(
    private readonly redis: Redis,
    private readonly prisma: PrismaClient,
  ) {}

  async team(id: string) {
    const hit = await this.redis.get(cacheKey('team', id));
    if (hit) return JSON.parse(hit);
    const team = await this.prisma.team.findUnique({ where: { id } });
    await this.redis.set(cacheKey('team', id), JSON.stringify(team), 'EX', 3600);
    return team;
  }

  async rename(id: string, name: string) {
    await this.prisma.team.update({ where: { id }, data: { name } });
    await this.redis.del(cacheKey('teams', id)); // expect: key-drift
  }
}
