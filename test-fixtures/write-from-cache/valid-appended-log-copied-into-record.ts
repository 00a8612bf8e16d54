// The blocked prompts of a user are collected in a Redis list: seeded from the audit table when the
// list is missing, and one entry pushed per blocked request. Copying the list into the restriction
// record for moderators is the point of collecting it: Redis holds the log, not a copy of a row.
import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const redis = createClient();
const prisma = new PrismaClient();
const key = (userId: number) => `blocked-prompts:${userId}`;

async function blockedPrompts(userId: number): Promise<string[]> {
  const entries = await redis.lRange(key(userId), 0, -1);
  if (entries.length > 0) return entries;
  const rows = await prisma.promptAudit.findMany({ where: { userId, blocked: true } });
  const seeded = rows.map((r) => r.prompt);
  if (seeded.length > 0) {
    await redis.rPush(key(userId), seeded);
    await redis.expire(key(userId), 30 * 24 * 3600);
  }
  return seeded;
}

export async function onBlocked(userId: number, prompt: string) {
  await redis.lPush(key(userId), prompt);
  await redis.expire(key(userId), 30 * 24 * 3600);
  const all = await blockedPrompts(userId);
  if (all.length > 10) await prisma.userRestriction.create({ data: { userId, triggers: all } });
}
