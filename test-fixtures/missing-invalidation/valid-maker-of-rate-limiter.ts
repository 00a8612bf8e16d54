import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

// look-alike: a maker of closures over its arguments that counts requests, not a cache of rows
function rateLimiter(name: string, limit: number) {
  return async (ip: string) => {
    const n = await redis.incr(`rl:${name}:${ip}`);
    if (n === 1) await redis.expire(`rl:${name}:${ip}`, 60);
    return n <= limit;
  };
}

export const loginLimiter = rateLimiter('user', 5);

export async function login(ip: string, id: string) {
  if (!(await loginLimiter(ip))) throw new Error('slow down');
  await prisma.user.update({ where: { id }, data: { lastLoginAt: new Date() } });
}
