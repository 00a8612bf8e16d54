// Look-alike: a TTL given through a raw command (Bun's `send('SETEX', [...])`, ioredis
// `call('SET', …, 'EX', n)`) is an expiry like any other.
import { RedisClient } from 'bun';
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const bun = new RedisClient(process.env.REDIS_URL);
const redis = new Redis();
const prisma = new PrismaClient();

export async function member(id: string) {
  const hit = await bun.get(`member:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.member.findUnique({ where: { id } });
  await bun.send('SETEX', [`member:${id}`, '1800', JSON.stringify(row)]);
  return row;
}

export async function team(id: string) {
  const hit = await redis.get(`team:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.team.findUnique({ where: { id } });
  await redis.call('SET', `team:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}
