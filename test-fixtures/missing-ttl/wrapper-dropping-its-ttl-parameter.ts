// The cache service takes a lifetime and never hands it to Redis (its expiry branch was commented
// out): the caller passes a day, and the entry never expires.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

class RedisCacheService {
  private readonly redis = new Redis();

  async get(key: string) {
    const raw = await this.redis.get(key);
    return raw ? JSON.parse(raw) : null;
  }

  async save(key: string, data: unknown, maxAge?: number) {
    // if (maxAge) return this.redis.set(key, JSON.stringify(data), 'EX', maxAge);
    await this.redis.set(key, JSON.stringify(data));
  }
}

const cache = new RedisCacheService();

export async function posts() {
  const hit = await cache.get('posts:all');
  if (hit) return hit;
  const rows = await prisma.post.findMany();
  await cache.save('posts:all', rows, 86400); // expect: missing-ttl
  return rows;
}
