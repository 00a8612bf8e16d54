import { PrismaClient } from '@prisma/client';
import { getSharedRedis } from './shared-redis';

const prisma = new PrismaClient();

// The client comes from an untyped getter that returns the shared one.
export class PlanCache {
  private get redis() {
    return getSharedRedis();
  }

  async plan(id: string) {
    const hit = await this.redis.get(`plan:${id}`);
    if (hit) return JSON.parse(hit);
    const row = await prisma.plan.findUnique({ where: { id } });
    await this.redis.set(`plan:${id}`, JSON.stringify(row), 'EX', 300); // expect: missing-ttl
    return row;
  }

  // look-alike: the same fill with an expiry
  async price(id: string) {
    const hit = await this.redis.get(`price:${id}`);
    if (hit) return JSON.parse(hit);
    const row = await prisma.price.findUnique({ where: { id } });
    await this.redis.set(`price:${id}`, JSON.stringify(row), 'EX', 300);
    return row;
  }
}
