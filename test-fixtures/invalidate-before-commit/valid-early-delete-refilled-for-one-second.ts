// The contact's read path refills its entry for one second (wrapRedis's default): deleting it
// before the data update lets a reader cache the old row for that second at most — no finding.
// (The write-through in subscribe() is another matter: it keeps the entry with no expiry.)
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

const ONE_SECOND = 60 / 60;

async function wrapRedis<T>(key: string, load: () => Promise<T>, seconds = ONE_SECOND): Promise<T> {
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit);
  const fresh = await load();
  if (fresh) await redis.set(key, JSON.stringify(fresh), 'EX', seconds);
  return fresh;
}

export function contactByEmail(projectId: string, email: string) {
  return wrapRedis(`project:${projectId}:contact:${email}`, () => prisma.contact.findFirst({ where: { projectId, email } }));
}

export async function track(projectId: string, email: string, data: string) {
  const contact = await prisma.contact.findFirstOrThrow({ where: { projectId, email } });
  await redis.del(`project:${projectId}:contact:${email}`);
  await prisma.contact.update({ where: { id: contact.id }, data: { data } });
}

export async function subscribe(projectId: string, email: string) {
  const contact = await prisma.contact.update({ where: { projectId_email: { projectId, email } }, data: { subscribed: true } });
  await redis.set(`project:${projectId}:contact:${email}`, JSON.stringify(contact)); // expect: set-after-commit, missing-ttl
}
