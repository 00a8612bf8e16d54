// The hit is tested in a conditional whose other side is the service's own loader, which fills
// the key: a read-through, so a fill without an expiry is a cache write with no TTL.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
const prisma = new PrismaClient();

export class LinkService {
  async getLink(key: string) {
    const value = await this.getFromCache(key);
    return value ? value : this.fromDb(key);
  }

  private async getFromCache(key: string) {
    const raw = await redis.get(`link:${key}`);
    return raw ? JSON.parse(raw) : null;
  }

  private async fromDb(key: string) {
    const link = await prisma.link.findFirst({ where: { key } });
    if (!link) return null;
    this.addToCache(key, { url: link.url, key });
    return link;
  }

  private async addToCache(key: string, value: { url: string; key: string }) {
    await redis.set(`link:${key}`, JSON.stringify(value)); // expect: missing-ttl
  }
}

const links = new LinkService();

export async function redirect(key: string) {
  const link = await links.getLink(key);
  return link?.url ?? '/';
}

// look-alike: the miss side is a default, nothing is loaded: Redis holds the preference itself
export async function theme(userId: string) {
  const value = await redis.get(`pref:theme:${userId}`);
  return value ? value : 'light';
}

export async function setTheme(userId: string, theme: string) {
  await redis.set(`pref:theme:${userId}`, theme);
}
