import { PrismaClient } from '@prisma/client';
import { getRedisCache, type Redis } from './redis';

const prisma = new PrismaClient();

// The member is typed with the re-exported client type and assigned in the constructor.
export class ProjectStore {
  private redis: Redis;

  constructor() {
    this.redis = getRedisCache();
  }

  async byId(id: string) {
    const hit = await this.redis.get(`project:${id}`);
    if (hit) return JSON.parse(hit);
    const row = await prisma.project.findUnique({ where: { id } });
    await this.redis.set(`project:${id}`, JSON.stringify(row)); // expect: missing-ttl
    return row;
  }
}
