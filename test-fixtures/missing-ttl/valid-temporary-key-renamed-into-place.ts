// config: {"missingTtl": "all-writes"}
// valid: the temporary set is renamed into place (judge the destination, which nothing writes
// without a reload); the blocklist is rebuilt by a cron job and read as it is
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function rebuildBlocklist() {
  const domains = await prisma.blockedDomain.findMany({ select: { name: true } });
  await redis.sadd('blocklist:next', ...domains.map((d) => d.name));
  await redis.rename('blocklist:next', 'blocklist');
}

export async function isBlocked(domain: string) {
  return (await redis.sismember('blocklist', domain)) === 1;
}
