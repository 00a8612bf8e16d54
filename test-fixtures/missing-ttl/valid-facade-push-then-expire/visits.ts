// config: {"missingTtl": "all-writes"}
// valid: the list gets its expiry through the facade's expire(), right after the push
import { PrismaClient } from '@prisma/client';
import type { Kv } from './kv';

const prisma = new PrismaClient();

export async function recordVisit(kv: Kv, uid: string, page: string) {
  const user = await prisma.user.findUnique({ where: { id: uid } });
  await kv.push(`visits:${uid}`, page, String(user?.plan));
  await kv.expire(`visits:${uid}`, 3600);
}

export async function profile(kv: Kv, uid: string) {
  const user = await prisma.user.findUnique({ where: { id: uid } });
  await kv.put(`profile:${uid}`, JSON.stringify(user), 300);
  return user;
}
