import type { Redis } from 'ioredis';
import type { Repository } from 'typeorm';

export interface Emoji { name: string; url: string }

// A read-through cache of emojis by name.
export class EmojiCache {
  constructor(private readonly redis: Redis, private readonly emojis: Repository<Emoji>) {}

  async get(name: string): Promise<Emoji | null> {
    const raw = await this.redis.get(`emoji:${name}`);
    if (raw !== null) return JSON.parse(raw) as Emoji;
    const row = await this.emojis.findOneBy({ name });
    if (row) await this.redis.set(`emoji:${name}`, JSON.stringify(row), 'EX', 3600);
    return row;
  }
}
