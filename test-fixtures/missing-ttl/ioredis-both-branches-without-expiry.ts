// Both branches of the choice write without an expiry: whichever runs, the cached row never expires.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import { gzipSync } from 'node:zlib';

const prisma = new PrismaClient();

export class RowCache<T> {
  constructor(
    private readonly redis: Redis,
    private readonly name: string,
    private readonly compress: boolean,
    private readonly load: (id: string) => Promise<T>,
  ) {}

  async put(id: string, value: T): Promise<void> {
    if (this.compress) {
      await this.redis.set(`rowcache:${this.name}:${id}`, gzipSync(JSON.stringify(value))); // expect: missing-ttl
    } else {
      await this.redis.set(`rowcache:${this.name}:${id}`, JSON.stringify(value)); // expect: missing-ttl
    }
  }

  async fetch(id: string): Promise<T> {
    const hit = await this.redis.get(`rowcache:${this.name}:${id}`);
    if (hit != null) return JSON.parse(hit) as T;
    const value = await this.load(id);
    await this.put(id, value);
    return value;
  }
}

export const teams = new RowCache(new Redis(), 'team', false, (id) => prisma.team.findUniqueOrThrow({ where: { id } }));
