// npm modules whose exports construct or type a cache client. Kept free of compiler imports: the
// linker needs it on the warm path, where TypeScript is never loaded.
import type { CacheLib } from '../types';

export const CLIENT_MODULES: Record<string, CacheLib> = {
  ioredis: 'ioredis',
  redis: 'node-redis',
  '@redis/client': 'node-redis',
  '@upstash/redis': 'upstash',
  '@upstash/redis/nodejs': 'upstash',
  '@upstash/redis/cloudflare': 'upstash',
  'cache-manager': 'cache-manager',
  '@nestjs/cache-manager': 'cache-manager',
  keyv: 'keyv',
  'lru-cache': 'lru-cache',
  'node-cache': 'node-cache',
  '@nestjs-modules/ioredis': 'ioredis',
  '@liaoliaots/nestjs-redis': 'ioredis',
};
