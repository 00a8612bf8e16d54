// valid: every write passes an expiry in its own library's syntax, or the store has a default
import { RedisClient } from 'bun';
import { kv } from '@vercel/kv';
import { Cacheable } from 'cacheable';
import Valkey from 'iovalkey';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const bun = new RedisClient();
const valkey = new Valkey();
const cacheable = new Cacheable({ ttl: '10m' });

export async function profile(id: string) {
  const hit = await bun.get(`profile:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.profile.findUnique({ where: { id } });
  await bun.set(`profile:${id}`, JSON.stringify(row), 'EX', 300);
  await kv.set(`profile:${id}`, row, { ex: 300 });
  await valkey.setex(`profile:${id}`, 300, JSON.stringify(row));
  await cacheable.set(`profile:${id}`, row);
  return row;
}
