import type { Redis } from 'ioredis';
import type { Repository } from 'typeorm';
import { KeyedCache, SingleCache } from './lib/instance-caches';

export interface Block { id: string; blockerId: string; blockeeId: string }
export interface Tag { id: string; label: string }

// The project's caches, built once; services reach them through this registry.
export class CacheRegistry {
  public readonly blockedBy: KeyedCache<string[]>;
  public readonly allTags: SingleCache<Tag[]>;

  constructor(redis: Redis, blocks: Repository<Block>, tags: Repository<Tag>) {
    this.blockedBy = new KeyedCache<string[]>(redis, 'blockedBy', {
      ttlSeconds: 1800,
      load: (userId) => blocks.find({ where: { blockerId: userId } }).then((rows) => rows.map((r) => r.blockeeId)),
      serialize: (ids) => JSON.stringify(ids),
      parse: (raw) => JSON.parse(raw) as string[],
    });
    this.allTags = new SingleCache<Tag[]>(redis, 'tags', () => tags.find());
  }
}
