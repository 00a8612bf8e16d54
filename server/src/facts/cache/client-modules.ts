// npm modules whose exports construct or type a cache client, and what each library's API is like.
// Kept free of compiler imports: the linker and the rules need it on the warm path, where
// TypeScript is never loaded.
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
  // a pool of ioredis clients: `pool.execute((client) => client.get(k))` (clients.ts poolCallbackClient)
  'ts-ioredis-pool': 'ioredis',
  '@dailydotdev/ts-ioredis-pool': 'ioredis',
  // only its RedisClient class and `redis` instance are clients (clients.ts CLIENT_TYPES, CLIENT_INSTANCES)
  bun: 'bun-redis',
  iovalkey: 'iovalkey',
  '@valkey/valkey-glide': 'valkey-glide',
  '@vercel/kv': 'vercel-kv',
  unstorage: 'unstorage',
  cacheable: 'cacheable',
  '@midwayjs/cache-manager': 'midway-cache-manager',
  '@midwayjs/cache': 'midway-cache',
  // its LRU maps and caches only (CLIENT_TYPES): the package also exports queues, heaps and tries
  mnemonist: 'mnemonist',
  'mnemonist/lru-map': 'mnemonist',
  'mnemonist/lru-cache': 'mnemonist',
  'mnemonist/lru-map-with-delete': 'mnemonist',
  'mnemonist/lru-cache-with-delete': 'mnemonist',
  // the module is a ready cache (`require('memory-cache').put(k, v, ms)`), and exports its class as `Cache`
  'memory-cache': 'memory-cache',
  // bentocache, and AdonisJS's cache built on it (`import cache from '@adonisjs/cache/services/main'`)
  bentocache: 'bentocache',
  '@adonisjs/cache': 'bentocache',
  '@adonisjs/cache/services/main': 'bentocache',
  '@adonisjs/cache/types': 'bentocache',
};

/** Exported names that are client classes/types (constructible or usable as a declared type). */
export const CLIENT_TYPES: Record<CacheLib, string[]> = {
  ioredis: ['default', 'Redis', 'Cluster', '*', 'IORedisPool'],
  // `RedisClient`: node-redis 3's class (`private client: redis.RedisClient`)
  'node-redis': ['RedisClientType', 'RedisClusterType', 'RedisClientPoolType', 'RedisClient'],
  upstash: ['Redis'],
  'cache-manager': ['Cache', 'MemoryCache', 'Cacheable'],
  // '*': `const NodeCache = require('node-cache')` binds the module, whose export is the class
  // `Store` (v4) and `KeyvStoreAdapter` (v5): a store typed by its adapter interface has the same get/set/delete
  keyv: ['default', 'Keyv', '*', 'Store', 'KeyvStoreAdapter'],
  'lru-cache': ['default', 'LRUCache', 'LRU', '*'],
  'node-cache': ['default', 'NodeCache', '*'],
  // `import { RedisClient } from 'bun'`: nothing else the module exports is a client
  'bun-redis': ['RedisClient'],
  // an ioredis fork: the same exports
  iovalkey: ['default', 'Redis', 'Cluster', '*'],
  'valkey-glide': ['GlideClient', 'GlideClusterClient'],
  'vercel-kv': ['VercelKV'],
  unstorage: ['Storage'],
  cacheable: ['Cacheable', 'CacheableMemory'],
  'midway-cache-manager': ['MidwayCache'],
  'midway-cache': ['CacheManager'],
  // `default`: the class a `mnemonist/lru-map` module exports
  mnemonist: ['LRUMap', 'LRUCache', 'LRUMapWithDelete', 'LRUCacheWithDelete', 'default'],
  'memory-cache': ['Cache'],
  'keyed-store': [],
  bentocache: ['BentoCache', 'CacheService', 'CacheProvider'],
};

/** The library a module belongs to: listed, or a Keyv storage adapter (`@keyv/redis`, `@keyv/sqlite`…). */
export function libOfModuleName(module: string): CacheLib | undefined {
  return CLIENT_MODULES[module] ?? (module.startsWith('@keyv/') ? 'keyv' : undefined);
}

export interface LibTraits {
  /**
   * Whose method signatures it has: Redis commands with ioredis's flag arguments (`'EX', 60`),
   * node-redis's or Upstash's options object, Valkey GLIDE's `{ expiry }`, a store with a TTL as
   * third argument (cache-manager, Keyv…), or unstorage's `setItem/getItem/removeItem`.
   */
  api: 'ioredis' | 'node-redis' | 'upstash' | 'glide' | 'ttl-arg' | 'unstorage';
  /** a store that only ever holds cache entries (model/roles.ts) */
  cacheStore: boolean;
  /** the unit of its TTL arguments */
  ttlUnit: 's' | 'ms';
  /** its delete verb */
  del: string;
  /** it keeps its entries in the process's own memory (each instance has its own, empty at start-up) */
  inProcess?: true;
  /** its entries cannot expire (only capacity evicts them): no write of it lacks a TTL it could have */
  noExpiry?: true;
  /** every store of it expires entries by default (bentocache: 30 minutes) */
  expiresByDefault?: true;
  /** its delete takes an options object (`cache.delete({ key })`) */
  keyOptions?: true;
}

export const LIBS: Record<CacheLib, LibTraits> = {
  ioredis: { api: 'ioredis', cacheStore: false, ttlUnit: 's', del: 'del' },
  iovalkey: { api: 'ioredis', cacheStore: false, ttlUnit: 's', del: 'del' },
  'bun-redis': { api: 'ioredis', cacheStore: false, ttlUnit: 's', del: 'del' },
  'node-redis': { api: 'node-redis', cacheStore: false, ttlUnit: 's', del: 'del' },
  upstash: { api: 'upstash', cacheStore: false, ttlUnit: 's', del: 'del' },
  'vercel-kv': { api: 'upstash', cacheStore: false, ttlUnit: 's', del: 'del' },
  'valkey-glide': { api: 'glide', cacheStore: false, ttlUnit: 's', del: 'del' },
  'cache-manager': { api: 'ttl-arg', cacheStore: true, ttlUnit: 'ms', del: 'del' },
  keyv: { api: 'ttl-arg', cacheStore: true, ttlUnit: 'ms', del: 'delete' },
  'lru-cache': { api: 'ttl-arg', cacheStore: true, ttlUnit: 'ms', del: 'delete', inProcess: true },
  'node-cache': { api: 'ttl-arg', cacheStore: true, ttlUnit: 's', del: 'del', inProcess: true },
  cacheable: { api: 'ttl-arg', cacheStore: true, ttlUnit: 'ms', del: 'delete' },
  // @midwayjs/cache-manager wraps cache-manager v5 (milliseconds); the older @midwayjs/cache, v3 (`{ ttl }` in seconds)
  'midway-cache-manager': { api: 'ttl-arg', cacheStore: true, ttlUnit: 'ms', del: 'del' },
  'midway-cache': { api: 'ttl-arg', cacheStore: true, ttlUnit: 's', del: 'del' },
  unstorage: { api: 'unstorage', cacheStore: false, ttlUnit: 's', del: 'removeItem' },
  // mnemonist's LRUMap / LRUCache: set, get, delete (the *WithDelete variants and LRUMap), no TTL at all
  mnemonist: { api: 'ttl-arg', cacheStore: true, ttlUnit: 'ms', del: 'delete', inProcess: true, noExpiry: true },
  // memory-cache: put(key, value, ms), get, del
  'memory-cache': { api: 'ttl-arg', cacheStore: true, ttlUnit: 'ms', del: 'del', inProcess: true },
  // a project's own get/set/delete interface (an injected ICacheService): whether a write without a
  // TTL expires is its implementation's business, unknown here
  'keyed-store': { api: 'ttl-arg', cacheStore: false, ttlUnit: 's', del: 'delete' },
  // bentocache: every method takes an options object (`getOrSet({ key, factory, ttl: '5m' })`), 30-minute default TTL
  bentocache: { api: 'ttl-arg', cacheStore: true, ttlUnit: 'ms', del: 'delete', expiresByDefault: true, keyOptions: true },
};

/** A Redis (or Valkey) client: commands on keys, no default TTL of its own. */
export function isRedisLib(lib: CacheLib): boolean {
  const api = LIBS[lib].api;
  return api === 'ioredis' || api === 'node-redis' || api === 'upstash' || api === 'glide';
}
