// The not-found marker gets a TTL, the row written under the same key does not: two different
// values, not two branches of one configured lifetime.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function plan(id: string) {
  const hit = await redis.get(`plan:${id}`);
  if (hit !== null) return hit === 'none' ? null : JSON.parse(hit);
  const row = await prisma.plan.findUnique({ where: { id } });
  if (!row) {
    await redis.set(`plan:${id}`, 'none', 'EX', 30);
    return null;
  }
  await redis.set(`plan:${id}`, JSON.stringify(row)); // expect: missing-ttl
  return row;
}
