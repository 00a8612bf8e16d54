// What each cache library's methods do: read, write, delete or expire a key, where the key and the
// value are, and whether the call itself sets an expiry. Pure data on ArgFacts: the linker applies
// it once the receiver's library is known.
import { LIBS } from './client-modules';
import type { ArgFact, CacheLib, CacheOpKind } from '../types';

export interface VerbInfo {
  kind: CacheOpKind;
  /** lower-case canonical verb */
  verb: string;
  /** index of the key argument (-1: no single key, e.g. mset) */
  keyArg: number;
  valueArg?: number;
  /** true: this call sets an expiry; false: it certainly does not; undefined: cannot tell */
  ttl?: boolean;
  nx: boolean;
  /** a collection write (hset/sadd/lpush…): its TTL may come from a later expire of the same key */
  collection?: boolean;
  /** the argument that carries the TTL when one is given (`set(k, v, 'EX', ttl)` → 3, `setex(k, ttl, v)` → 1) */
  ttlArg?: number;
  /** what the verb says about the key's use, when it says it is no cache (model/roles.ts) */
  use?: KeyUse;
}

/**
 * Uses of a key that no cache has: a list popped or trimmed (a queue or buffer), the source of a
 * rename (a temporary key), a counter, a lock or marker (`SET NX`), a membership set kept by
 * `srem`, pub/sub channels and streams.
 */
export type KeyUse = 'queue' | 'rename-source' | 'counter' | 'lock' | 'membership' | 'pubsub' | 'stream' | 'probabilistic' | 'script';

const REDIS_READS = new Set([
  'get', 'getex', 'getdel', 'mget', 'hget', 'hgetall', 'hmget', 'hexists', 'hkeys', 'hvals', 'hlen', 'smembers',
  'sismember', 'scard', 'lrange', 'llen', 'lindex', 'zrange', 'zrangebyscore', 'zrevrange', 'zscore', 'zcard',
  'exists', 'ttl', 'pttl', 'getbuffer', 'strlen', 'type',
]);
const REDIS_COLLECTION_WRITES = new Set(['hset', 'hmset', 'hsetnx', 'sadd', 'lpush', 'rpush', 'zadd', 'lpushx', 'rpushx']);

/** A write into a hash, set, list or sorted set: it keeps the key's TTL (only SET drops one). */
export function isCollectionWrite(verb: string): boolean {
  return REDIS_COLLECTION_WRITES.has(verb);
}

/** A collection write that adds an element (`lpush`, `sadd`, `zadd`…) rather than setting a hash field. */
export function isAppend(verb: string): boolean {
  return REDIS_COLLECTION_WRITES.has(verb) && !verb.startsWith('h');
}
const REDIS_DELETES = new Set(['del', 'unlink']);
/** Verbs that only queues, counters, temporary keys, streams and the like use. */
const REDIS_USES: Record<string, KeyUse> = {
  lpop: 'queue', rpop: 'queue', blpop: 'queue', brpop: 'queue', lmove: 'queue', blmove: 'queue', rpoplpush: 'queue', brpoplpush: 'queue',
  lmpop: 'queue', blmpop: 'queue', ltrim: 'queue', spop: 'queue', zpopmin: 'queue', zpopmax: 'queue', bzpopmin: 'queue', bzpopmax: 'queue',
  rename: 'rename-source', renamenx: 'rename-source',
  incr: 'counter', incrby: 'counter', incrbyfloat: 'counter', decr: 'counter', decrby: 'counter', hincrby: 'counter', hincrbyfloat: 'counter', zincrby: 'counter',
  srem: 'membership',
  publish: 'pubsub', spublish: 'pubsub',
  xadd: 'stream', xread: 'stream', xreadgroup: 'stream', xack: 'stream', xtrim: 'stream', xdel: 'stream', xlen: 'stream', xrange: 'stream',
  pfadd: 'probabilistic', pfcount: 'probabilistic', setbit: 'probabilistic', bitcount: 'probabilistic',
};
const REDIS_EXPIRES = new Set(['expire', 'pexpire', 'expireat', 'pexpireat']);
const TTL_FLAGS = new Set(['EX', 'PX', 'EXAT', 'PXAT', 'KEEPTTL']);

function argIsZero(a: ArgFact | undefined): boolean {
  return a !== undefined && a.num === 0;
}


function redisSetTtl(lib: CacheLib, args: ArgFact[]): { ttl?: boolean; nx: boolean } {
  if (args.some((a) => a.spread)) return { ttl: undefined, nx: false };
  const rest = args.slice(2);
  const api = LIBS[lib].api;
  if (api === 'ioredis') {
    // Pattern: redis.set(k, v, 'EX', 60, 'NX')
    let ttl: boolean | undefined = false;
    let nx = false;
    for (const a of rest) {
      const s = a.str?.toUpperCase();
      if (s && TTL_FLAGS.has(s)) ttl = true;
      else if (s === 'NX') nx = true;
      else if (a.str === undefined && a.num === undefined) ttl = ttl || undefined; // a flag in a variable
    }
    return { ttl, nx };
  }
  // Pattern: client.set(k, v, { EX: 60 })  (node-redis)  /  redis.set(k, v, { ex: 60 })  (upstash)
  const opts = rest[0];
  if (!opts) return { ttl: false, nx: false };
  if (!opts.props) return { ttl: undefined, nx: false };
  // Pattern: client.set(k, v, { expiry: { type: TimeUnit.Seconds, count: 60 } })  (Valkey GLIDE; 'keepExisting' keeps the TTL)
  if (api === 'glide') {
    const known = opts.props.every((p) => p === 'expiry' || p === 'conditionalSet' || p === 'returnOldValue');
    return { ttl: opts.props.includes('expiry') ? true : known ? false : undefined, nx: opts.props.includes('conditionalSet') };
  }
  const props = opts.props.map((p) => p.toUpperCase());
  const ttl = props.some((p) => TTL_FLAGS.has(p) || p === 'EXPIRATION') ? true : props.length === 0 ? false : undefined;
  const nx = props.includes('NX') || props.includes('CONDITION');
  // `{ NX: true }` alone says nothing about expiry: certainly none
  return { ttl: ttl ?? (props.every((p) => p === 'NX' || p === 'XX' || p === 'GET' || p === 'CONDITION') ? false : undefined), nx };
}

/** Where the TTL value is in `set(k, v, …)`: after an EX/PX flag (ioredis) or in an options object. */
function redisSetTtlArg(lib: CacheLib, args: ArgFact[]): number | undefined {
  if (LIBS[lib].api !== 'ioredis') return args[2]?.props ? 2 : undefined;
  const i = args.findIndex((a, j) => j >= 2 && !!a.str && /^(EX|PX|EXAT|PXAT)$/i.test(a.str));
  return i >= 0 && i + 1 < args.length ? i + 1 : undefined;
}

/**
 * Pattern: redis.hset('disabled-collections', ids, ids) — a hash whose fields map to themselves is a
 * set of ids (a membership index), not a copy of anything: the field and the value are one parameter.
 */
function hashAsSet(verb: string, args: ArgFact[]): boolean {
  if ((verb !== 'hset' && verb !== 'hsetnx') || args.length !== 3) return false;
  const [, field, value] = args;
  return field.param !== undefined && field.param === value.param && !field.props && !value.props;
}

function redisVerb(lib: CacheLib, method: string, args: ArgFact[]): VerbInfo | undefined {
  const m = method.toLowerCase();
  if (m === 'set') {
    const t = redisSetTtl(lib, args);
    return { kind: 'write', verb: 'set', keyArg: 0, valueArg: 1, ...t, ttlArg: redisSetTtlArg(lib, args), ...(t.nx ? { use: 'lock' as const } : {}) };
  }
  if (m === 'setex' || m === 'psetex') return { kind: 'write', verb: m, keyArg: 0, valueArg: 2, ttl: true, nx: false, ttlArg: 1 };
  if (m === 'setnx') return { kind: 'write', verb: m, keyArg: 0, valueArg: 1, ttl: false, nx: true, use: 'lock' };
  if (m === 'mset' || m === 'msetnx') return { kind: 'write', verb: m, keyArg: -1, ttl: false, nx: m === 'msetnx' };
  if (m === 'getset') return { kind: 'write', verb: m, keyArg: 0, valueArg: 1, ttl: false, nx: false };
  if (REDIS_COLLECTION_WRITES.has(m))
    return { kind: 'write', verb: m, keyArg: 0, ttl: false, nx: m === 'hsetnx', collection: true, ...(hashAsSet(m, args) ? { use: 'membership' as const } : {}) };
  if (REDIS_DELETES.has(m)) return { kind: 'delete', verb: m, keyArg: 0, nx: false };
  if (REDIS_EXPIRES.has(m)) return { kind: 'expire', verb: m, keyArg: 0, nx: false, ttlArg: 1 };
  if (REDIS_READS.has(m)) return { kind: 'read', verb: m, keyArg: 0, nx: false };
  const use = REDIS_USES[m];
  if (use) return { kind: 'other', verb: m, keyArg: 0, nx: false, use };
  if (m === 'hdel' || m === 'zrem' || m === 'lrem' || m === 'persist') return { kind: 'other', verb: m, keyArg: 0, nx: false };
  // Pattern: const found = await redis.keys(`transactions:${userId}:*`); await redis.del(...found) — the pattern a delete clears
  if (m === 'keys' && args.length === 1 && !args[0].spread) return { kind: 'other', verb: m, keyArg: 0, nx: false };
  // Pattern: redis.eval(RESERVE, 2, seatsKey, holdKey, n) — keys a Lua script changes atomically (facts/cache/cache-calls.ts)
  if (m === 'eval' || m === 'evalsha') return { kind: 'other', verb: m, keyArg: 0, nx: false, use: 'script' };
  // Pattern: redis.scan(cursor, 'MATCH', pattern) / redis.scanStream({ match }) — the key is the pattern (facts/cache/cache-calls.ts)
  if (m === 'scan' || m === 'scanstream') return { kind: 'other', verb: m, keyArg: 0, nx: false };
  return undefined;
}

/** Third-argument TTL libraries: cache-manager, keyv, node-cache, lru-cache. */
function ttlArgVerb(lib: CacheLib, method: string, args: ArgFact[]): VerbInfo | undefined {
  const m = method.toLowerCase();
  const del = LIBS[lib].del;
  if (m === 'set' || (m === 'put' && (lib === 'memory-cache' || lib === 'keyed-store'))) {
    const t = args[2];
    let ttl: boolean | undefined;
    // mnemonist's LRU maps cannot expire: whether the entry lives long is their capacity's business
    if (LIBS[lib].noExpiry) ttl = undefined;
    else if (args.some((a) => a.spread)) ttl = undefined;
    else if (!t) ttl = false;
    else if (argIsZero(t)) ttl = false;
    else if (t.props) ttl = t.props.includes('ttl') ? !(t.propNums?.ttl === 0) : t.props.length === 0 ? false : undefined;
    else ttl = true;
    return { kind: 'write', verb: 'set', keyArg: 0, valueArg: 1, ttl, nx: false, ttlArg: 2 };
  }
  if (m === 'mset' && lib === 'cache-manager') return { kind: 'write', verb: m, keyArg: -1, ttl: undefined, nx: false };
  if (lib === 'keyed-store' && /^(remove|invalidate|evict)$/.test(m)) return { kind: 'delete', verb: m, keyArg: 0, nx: false };
  if (m === del || m === 'del' || m === 'delete' || m === 'mdel' || m === 'take') return { kind: m === 'take' ? 'read' : 'delete', verb: m, keyArg: 0, nx: false };
  if (m === 'get' || m === 'has' || m === 'peek' || m === 'fetch' || m === 'mget') return { kind: 'read', verb: m, keyArg: 0, nx: false };
  if (m === 'ttl' && lib === 'node-cache') return { kind: 'expire', verb: m, keyArg: 0, nx: false };
  // Pattern: this.cacheManager.clear() / reset() / flushAll() — every key of the store goes: a delete of keys nobody can spell
  if ((m === 'clear' || m === 'reset' || m === 'flushall') && args.length === 0) return { kind: 'delete', verb: 'delete', keyArg: -1, nx: false };
  // Pattern: cache.wrap(key, load)  /  cacheable.getOrSet(key, load)  (read-through)
  if (m === 'wrap' || m === 'getorset') return { kind: 'read', verb: m, keyArg: 0, nx: false };
  return undefined;
}

/**
 * unstorage: `setItem(k, v, { ttl })`. Whether a write without `ttl` expires depends on the driver
 * (and on options cachelint does not read), so it is unknown, never "no TTL".
 */
function unstorageVerb(method: string, args: ArgFact[]): VerbInfo | undefined {
  switch (method.toLowerCase()) {
    case 'setitem':
    case 'setitemraw': {
      const o = args[2];
      const ttl = o?.props?.includes('ttl') && !(o.propNums?.ttl === 0) ? true : undefined;
      // the canonical verbs (`set`, `get`, `del`): what the rules compare; fixes spell the method (LIBS.del)
      return { kind: 'write', verb: 'set', keyArg: 0, valueArg: 1, ttl, nx: false, ...(o?.props ? { ttlArg: 2 } : {}) };
    }
    case 'getitem':
    case 'getitemraw':
      return { kind: 'read', verb: 'get', keyArg: 0, nx: false };
    case 'hasitem':
      return { kind: 'read', verb: 'exists', keyArg: 0, nx: false };
    case 'removeitem':
      return { kind: 'delete', verb: 'del', keyArg: 0, nx: false };
    default:
      return undefined;
  }
}

/**
 * bentocache (and @adonisjs/cache): each method takes an options object, whose `key`, `value` or
 * `factory` and the object itself are the call's arguments here (facts/cache/cache-calls.ts).
 * A write without `ttl` keeps the store's default (30 minutes); `setForever` and `getOrSetForever`
 * say in their name that the entry is meant to stay: no TTL finding either way.
 */
function bentoVerb(method: string, args: ArgFact[]): VerbInfo | undefined {
  const opts = args[2];
  switch (method) {
    case 'get':
    case 'has':
    case 'missing':
      return { kind: 'read', verb: method === 'get' ? 'get' : 'exists', keyArg: 0, nx: false };
    case 'pull':
      return { kind: 'read', verb: 'take', keyArg: 0, nx: false };
    case 'set':
      return { kind: 'write', verb: 'set', keyArg: 0, valueArg: 1, ttl: opts?.props?.includes('ttl') ? !(opts.propNums?.ttl === 0) : false, nx: false };
    case 'setForever':
      return { kind: 'write', verb: 'set', keyArg: 0, valueArg: 1, ttl: undefined, nx: false };
    // Pattern: cache.getOrSet({ key: `user:${id}`, factory: () => User.find(id) }) — a read-through
    case 'getOrSet':
    case 'getOrSetForever':
      return { kind: 'read', verb: 'getorset', keyArg: 0, nx: false };
    // (`expire` keeps the entry for its grace period only: an invalidation all the same)
    case 'delete':
    case 'expire':
      return { kind: 'delete', verb: 'delete', keyArg: 0, nx: false };
    // keys the analysis cannot spell (a list, tags, the whole store or namespace): a delete of any of them
    case 'deleteMany':
    case 'deleteByTag':
    case 'clear':
    case 'clearAll':
      return { kind: 'delete', verb: 'delete', keyArg: -1, nx: false };
    default:
      return undefined;
  }
}

/** Classifies `method(args)` on a client of `lib`; undefined when it is not a keyed cache verb. */
export function classifyVerb(lib: CacheLib, method: string, args: ArgFact[]): VerbInfo | undefined {
  const api = LIBS[lib].api;
  // Pattern: bluebird.promisifyAll(redis); client.setexAsync(k, 60, v) / client.getAsync(k) / client.delAsync(k)
  if (method.length > 5 && method.endsWith('Async') && (api === 'node-redis' || api === 'ioredis')) return classifyVerb(lib, method.slice(0, -5), args);
  if (lib === 'bentocache') return bentoVerb(method, args);
  if (api === 'ttl-arg') return ttlArgVerb(lib, method, args);
  if (api === 'unstorage') return unstorageVerb(method, args);
  return redisVerb(lib, method, args);
}

/** The library's delete verb, spelled the way the call site spells its verbs (node-redis `DEL`). */
export function deleteVerbFor(lib: CacheLib, method: string): string {
  if (lib === 'node-redis' && method === method.toUpperCase()) return 'DEL';
  if (method.endsWith('Async') && method.length > 5 && (LIBS[lib].api === 'node-redis' || LIBS[lib].api === 'ioredis')) return `${LIBS[lib].del}Async`;
  return LIBS[lib].del;
}


/** Every method name that can be a cache verb on some library (the phase-1 filter). */
export const CACHE_METHOD_NAMES = new Set(
  [
    ...REDIS_READS, ...REDIS_COLLECTION_WRITES, ...REDIS_DELETES, ...REDIS_EXPIRES,
    ...Object.keys(REDIS_USES),
    'set', 'setex', 'psetex', 'setnx', 'mset', 'msetnx', 'getset', 'hdel', 'zrem', 'lrem', 'persist',
    'delete', 'mdel', 'take', 'has', 'peek', 'fetch', 'wrap', 'getOrSet', 'put', 'keys', 'scan', 'scanStream', 'eval', 'evalsha',
    'setItem', 'setItemRaw', 'getItem', 'getItemRaw', 'hasItem', 'removeItem',
    // bentocache
    'getOrSetForever', 'setForever', 'pull', 'deleteMany', 'deleteByTag', 'clear',
    // a whole store's flush (cache-manager `reset`/`clear`, node-cache `flushAll`)
    'reset', 'flushAll',
  ].map((s) => s.toLowerCase()),
);

/** A cache verb by name, also in the promisified spelling older code calls (`getAsync`, `setexAsync`). */
export function isCacheMethodName(name: string): boolean {
  const l = name.toLowerCase();
  return CACHE_METHOD_NAMES.has(l) || (l.length > 5 && l.endsWith('async') && CACHE_METHOD_NAMES.has(l.slice(0, -5)));
}

/** Methods that start a pipeline/transaction whose queued commands share the client. */
export const PIPELINE_METHODS = new Set(['pipeline', 'multi']);

/** Calls that find keys by a pattern (`keys(pattern)`, a SCAN): deleting what they found deletes the pattern. */
export const FINDS_KEYS = /^(keys|scan|scanStream)$/i;
