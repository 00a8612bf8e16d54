// valid: the class is built with its lifetime; an `Infinity` lifetime is an option its owner chose,
// and every other lifetime writes with an expiry (the two writes are branches of one choice)
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export class RowCache<T> {
  constructor(
    private readonly redis: Redis,
    private readonly name: string,
    private readonly lifetimeMs: number,
    private readonly load: (id: string) => Promise<T>,
  ) {}

  async put(id: string, value: T): Promise<void> {
    if (this.lifetimeMs === Infinity) {
      await this.redis.set(`rowcache:${this.name}:${id}`, JSON.stringify(value));
    } else {
      await this.redis.set(`rowcache:${this.name}:${id}`, JSON.stringify(value), 'EX', Math.round(this.lifetimeMs / 1000));
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

export const teams = new RowCache(new Redis(), 'team', 30 * 60_000, (id) => prisma.team.findUniqueOrThrow({ where: { id } }));
