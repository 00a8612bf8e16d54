import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
const redis = new Redis();
const prisma = new PrismaClient();
class MemberCache {
  async getMember(id: string) { const v = await redis.get(`member-${id}`); return v ? JSON.parse(v) : null; }
  async putMember(id: string, m: unknown) { await redis.set(`member-${id}`, JSON.stringify(m), 'EX', 86400); }
}
const cache = new MemberCache();
async function fetchMember(id: string) { return prisma.member.findUnique({ where: { id } }); }
export async function guard(id: string) {
  let member;
  const hit = await cache.getMember(id);
  if (hit) {
    member = hit;
  } else {
    member = await fetchMember(id);
    await cache.putMember(id, member);
  }
  return member.enabled;
}
export async function disable(id: string) {
  await prisma.member.update({ where: { id }, data: { enabled: false } }); // expect: missing-invalidation
}
export const handlers = [guard, disable];
