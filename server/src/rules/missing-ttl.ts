// missing-ttl: a cache write that never expires, so one missed invalidation is stale forever.
// Docs: docs/rules/missing-ttl.md
import type { CacheOp, Fix, LinkedFile, Rule, RuleSettings } from '../rule';
import { keyLabel } from './util';

const DEFAULT_SUGGESTED_SECONDS = 300;
const REDIS = new Set(['ioredis', 'node-redis', 'upstash']);

/** The TTL edit in the library's own syntax and unit, or undefined when no clean edit exists. */
function ttlEdit(op: CacheOp, seconds: number, settings: RuleSettings): { start: number; end: number; text: string }[] | undefined {
  const { call } = op;
  const value = call.args[1];
  if (!value || call.args.some((a) => a.spread) || op.wrapper) return undefined;
  const after = (text: string) => [{ start: value.span.end, end: value.span.end, text }];
  const opts = call.args[2];
  switch (op.lib) {
    case 'ioredis':
      if (op.verb === 'set') return after(`, 'EX', ${seconds}`);
      if (op.verb === 'setnx') return [{ start: call.methodSpan.start, end: call.methodSpan.end, text: 'set' }, ...after(`, 'EX', ${seconds}, 'NX'`)];
      return undefined;
    case 'node-redis':
    case 'upstash': {
      const ex = op.lib === 'upstash' ? 'ex' : 'EX';
      const nx = op.lib === 'upstash' ? 'nx' : 'NX';
      if (op.verb === 'set' && !opts) return after(`, { ${ex}: ${seconds} }`);
      if (op.verb === 'set' && opts?.props && opts.span.end - opts.span.start > 2)
        // Pattern: client.set(k, v, { NX: true }) → { EX: 300, NX: true }
        return [{ start: opts.span.start + 1, end: opts.span.start + 1, text: ` ${ex}: ${seconds},` }];
      if (op.verb === 'setnx')
        return [{ start: call.methodSpan.start, end: call.methodSpan.end, text: 'set' }, ...after(`, { ${ex}: ${seconds}, ${nx}: true }`)];
      return undefined;
    }
    default: {
      if (op.verb !== 'set' || call.args.length !== 2) return undefined;
      if (op.lib === 'cache-manager') {
        const major = settings.cacheManagerMajor(op.file);
        return after(major !== undefined && major < 5 ? `, { ttl: ${seconds} }` : `, ${seconds * 1000}`);
      }
      if (op.lib === 'lru-cache') return after(`, { ttl: ${seconds * 1000} }`);
      if (op.lib === 'keyv') return after(`, ${seconds * 1000}`);
      if (op.lib === 'node-cache') return after(`, ${seconds}`);
      return undefined;
    }
  }
}

function unitNote(op: CacheOp, settings: RuleSettings): string {
  if (op.lib === 'cache-manager') {
    const major = settings.cacheManagerMajor(op.file);
    return major !== undefined && major < 5 ? ' (cache-manager v4: seconds)' : ' (cache-manager v5+: milliseconds)';
  }
  return op.lib === 'keyv' || op.lib === 'lru-cache' ? ' (milliseconds)' : '';
}

export const missingTtl: Rule<'noTtl' | 'setDropsTtl' | 'collectionNoTtl'> = {
  meta: {
    id: 'missing-ttl',
    description: 'Require an expiry on cache writes.',
    severity: 'warning',
    fix: 'safe-when-configured',
    requiresTypeInfo: false,
    crossFile: true,
    messages: {
      noTtl: 'Cache write {{verb}} to {{key}} has no expiry: if an invalidation is ever missed, the value stays stale forever.',
      setDropsTtl:
        'Redis {{verb}} to {{key}} has no EX/PX: the value never expires, and SET also removes any TTL the key had (unless KEEPTTL).',
      collectionNoTtl: '{{verb}} to {{key}} is never given an expiry (no expire/pexpire of this key follows): the structure stays stale forever.',
    },
    help: 'Pass an expiry in the library\'s syntax (ioredis `set(k, v, \'EX\', 300)`, node-redis `{ EX: 300 }`, cache-manager v5+ milliseconds), or configure a default TTL on the store.',
  },
  checkFile(file: LinkedFile, ctx) {
    const configured = ctx.settings.defaultTtlSeconds(file.file);
    const seconds = configured ?? DEFAULT_SUGGESTED_SECONDS;
    for (const op of file.ops) {
      if (op.kind !== 'write' || op.ttl !== false) continue;
      const collection = /^(hset|hmset|hsetnx|sadd|lpush|rpush|zadd|lpushx|rpushx)$/.test(op.verb);
      const messageId = collection ? 'collectionNoTtl' : REDIS.has(op.lib) && op.verb === 'set' && !op.wrapper ? 'setDropsTtl' : 'noTtl';
      const edits = collection ? expireAfter(file, op, seconds) : ttlEdit(op, seconds, ctx.settings);
      const fix: Fix | undefined = edits && {
        title: `Add a ${seconds}-second TTL${unitNote(op, ctx.settings)}`,
        kind: configured !== undefined ? 'safe' : 'suggestion',
        edits,
      };
      ctx.report({
        file: file.file,
        span: op.call.span,
        messageId,
        data: { verb: op.wrapper ?? op.verb, key: keyLabel(op) },
        fix: fix?.kind === 'safe' ? fix : undefined,
        suggestions: fix && fix.kind === 'suggestion' ? [fix] : [],
      });
    }
  },
};

/** `await redis.hset(k, …);` → add `await redis.expire(k, 300);` on the next line. */
function expireAfter(file: LinkedFile, op: CacheOp, seconds: number) {
  const { call } = op;
  if (!call.stmt || !call.key || call.pipeline !== undefined || op.wrapper || /[\n\r]/.test(call.key.text)) return undefined;
  const recv = file.text.slice(call.receiverSpan.start, call.receiverSpan.end);
  return [{ start: call.stmt.end, end: call.stmt.end, text: `\n${call.stmt.indent}await ${recv}.expire(${call.key.text}, ${seconds});` }];
}
