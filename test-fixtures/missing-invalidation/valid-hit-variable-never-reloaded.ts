// valid: the hit branch copies the cached value into `member`, but the else branch only throws: nothing reloads, so the key is app state
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
const redis = new Redis();
const prisma = new PrismaClient();
class MemberCache {
  async getMember(id: string) { const v = await redis.get(`member-${id}`); return v ? JSON.parse(v) : null; }
  async putMember(id: string, m: unknown) { await redis.set(`member-${id}`, JSON.stringify(m)); }
}
const cache = new MemberCache();
export async function guard(id: string) {
  let member;
  const hit = await cache.getMember(id);
  if (hit) {
    member = hit;
  } else {
    throw new Error('not logged in');
  }
  return member.enabled;
}
export async function disable(id: string) {
  await prisma.member.update({ where: { id }, data: { enabled: false } });
}
export const handlers = [guard, disable];
