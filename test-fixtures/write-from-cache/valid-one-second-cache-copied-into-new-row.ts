// valid: the campaign cache lives one second (REDIS_ONE_MINUTE / 60), so the copy a duplicate is
// made from is as fresh as the row read a moment ago: nothing the TTL bounded becomes permanent
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

function campaignById(id: string) {
  return wrapRedis(`campaign:id:${id}`, () => prisma.campaign.findUnique({ where: { id } }));
}

export async function duplicate(id: string) {
  const campaign = await campaignById(id);
  if (!campaign) throw new Error('not found');
  return prisma.campaign.create({ data: { ...campaign, id: undefined, subject: `${campaign.subject} (copy)` } });
}
