// valid: every entry of the campaign cache expires after one second (REDIS_ONE_MINUTE / 60): an
// update that leaves it, deletes it first or writes it through leaves a copy no older than a read
// racing the write would return anyway
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

const REDIS_ONE_MINUTE = 60;
const REDIS_DEFAULT_EXPIRY = REDIS_ONE_MINUTE / 60;

async function wrapRedis<T>(key: string, load: () => Promise<T>, seconds = REDIS_DEFAULT_EXPIRY): Promise<T> {
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit);
  const fresh = await load();
  if (fresh) await redis.set(key, JSON.stringify(fresh), 'EX', seconds);
  return fresh;
}

export function campaignById(id: string) {
  return wrapRedis(`campaign:id:${id}`, () => prisma.campaign.findUnique({ where: { id } }));
}

export async function rename(id: string, subject: string) {
  await prisma.campaign.update({ where: { id }, data: { subject } });
}

export async function archive(id: string) {
  await redis.del(`campaign:id:${id}`);
  await prisma.campaign.update({ where: { id }, data: { archived: true } });
}

export async function reschedule(id: string, sendAt: Date) {
  const campaign = await prisma.campaign.update({ where: { id }, data: { sendAt } });
  await redis.set(`campaign:id:${id}`, JSON.stringify(campaign), 'EX', REDIS_DEFAULT_EXPIRY);
}
