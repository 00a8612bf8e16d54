// Prettier-formatted write-through across several lines, after removing a user's expired API keys.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function pruneApiKeys(userId: string) {
  await prisma.apiKey.deleteMany({
    where: { userId, expiresAt: { lt: new Date() } },
  });
  const apiKeys = await prisma.apiKey.findMany({ where: { userId } });
  await redis.del( // expect: set-after-commit
    `api_key:user:${userId}`,
  );
  return apiKeys;
}
