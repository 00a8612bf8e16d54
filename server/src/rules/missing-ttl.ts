// missing-ttl: a cache write that never expires, so one missed invalidation is stale forever.
// Docs: docs/rules/missing-ttl.md
import { isRedisLib, LIBS } from '../facts/cache/client-modules';
import { isCollectionWrite } from '../facts/cache/verbs';
import type { KeyModel } from '../model/cache-model';
import type { FileFacts } from '../facts/types';
import type { CacheOp, Edit, Fix, LinkedFile, ProjectIndex, Related, Rule, RuleSettings } from '../rule';
import { fnName, keyWords, named, readerOf } from './timeline';
import { checkedOnRead, keyLabel, keyShape, viaRelated } from './util';

const DEFAULT_SUGGESTED_SECONDS = 300;

/** The TTL edit in the library's own syntax and unit, or undefined when no clean edit exists. */
function ttlEdit(op: CacheOp, seconds: number, settings: RuleSettings, facts: FileFacts): { start: number; end: number; text: string }[] | undefined {
  const { call } = op;
  const value = call.args[1];
  if (!value || call.args.some((a) => a.spread) || op.wrapper) return undefined;
  const after = (text: string) => [{ start: value.span.end, end: value.span.end, text }];
  // Pattern: client.SETNX(k, v) → client.SET(k, v, …)  (node-redis's upper-case spelling)
  const toSet = { start: call.methodSpan.start, end: call.methodSpan.end, text: call.method === call.method.toUpperCase() ? 'SET' : 'set' };
  const opts = call.args[2];
  switch (op.lib) {
    // Bun's RedisClient and iovalkey take ioredis's flags (`set(k, v, 'EX', 60)`)
    case 'ioredis':
    case 'iovalkey':
    case 'bun-redis':
      if (op.verb === 'set') return after(`, 'EX', ${seconds}`);
      // setnx answers 1/0, set … NX answers 'OK'/null: rewrite only when the answer is not used
      // (Bun's set takes one flag at a time: no `'EX', n, 'NX'`)
      if (op.verb === 'setnx' && call.stmt && op.lib !== 'bun-redis') return [toSet, ...after(`, 'EX', ${seconds}, 'NX'`)];
      return undefined;
    case 'valkey-glide':
      return op.verb === 'set' ? glideExpiry(op, seconds, facts) : undefined;
    case 'node-redis':
    case 'upstash':
    case 'vercel-kv': {
      // a promisified node-redis 3 call (`setAsync(k, v)`) takes its options as positional words
      if (op.lib === 'node-redis' && call.method.endsWith('Async')) return op.verb === 'set' ? after(`, 'EX', ${seconds}`) : undefined;
      // @vercel/kv is an Upstash client: `{ ex }`
      const ex = op.lib === 'node-redis' ? 'EX' : 'ex';
      const nx = op.lib === 'node-redis' ? 'NX' : 'nx';
      if (op.verb === 'set' && !opts) return after(`, { ${ex}: ${seconds} }`);
      if (op.verb === 'set' && opts?.props && opts.span.end - opts.span.start > 2) {
        // Pattern: client.set(k, v, { condition: 'NX' }) → node-redis v5 spelling, where EX is deprecated
        const v5 = op.lib === 'node-redis' && opts.props.includes('condition');
        const prop = v5 ? `expiration: { type: 'EX', value: ${seconds} }` : `${ex}: ${seconds}`;
        // Pattern: client.set(k, v, { NX: true }) → { EX: 300, NX: true }
        return [{ start: opts.span.start + 1, end: opts.span.start + 1, text: ` ${prop},` }];
      }
      if (op.verb === 'setnx' && call.stmt)
        return [toSet, ...after(`, { ${ex}: ${seconds}, ${nx}: true }`)];
      return undefined;
    }
    default: {
      if (op.verb !== 'set') return undefined;
      // Pattern: keyv.set(k, v, 0) / nodeCache.set(k, v, 0)  (0 means "never expire"): replace the 0
      const zero = call.args.length === 3 && call.args[2].num === 0 ? call.args[2].span : undefined;
      const text = ttlArgText(op, seconds, settings);
      if (zero) return text === undefined ? undefined : [{ start: zero.start, end: zero.end, text }];
      if (call.args.length !== 2 || text === undefined) return undefined;
      return after(`, ${text}`);
    }
  }
}

/** The third argument that gives a TTL, for the libraries that take one there. */
function ttlArgText(op: CacheOp, seconds: number, settings: RuleSettings): string | undefined {
  switch (op.lib) {
    case 'cache-manager': {
      const major = settings.cacheManagerMajor(op.file);
      return major !== undefined && major < 5 ? `{ ttl: ${seconds} }` : `${seconds * 1000}`;
    }
    case 'lru-cache':
      return `{ ttl: ${seconds * 1000} }`;
    // cacheable takes milliseconds (or a duration string); Midway's cache-manager is cache-manager v5
    case 'keyv':
    case 'cacheable':
    case 'midway-cache-manager':
      return `${seconds * 1000}`;
    case 'node-cache':
      return `${seconds}`;
    // @midwayjs/cache passes cache-manager v3 options: `{ ttl }` in seconds
    case 'midway-cache':
      return `{ ttl: ${seconds} }`;
    default:
      return undefined;
  }
}

/**
 * Valkey GLIDE: `{ expiry: { type: TimeUnit.Seconds, count: 300 } }`, only where the file imports
 * `TimeUnit` (its values are a string enum, so a literal `'EX'` would not type-check).
 */
function glideExpiry(op: CacheOp, seconds: number, facts: FileFacts): Edit[] | undefined {
  const unit = facts.imports.find((i) => i.module === '@valkey/valkey-glide' && i.name === 'TimeUnit')?.local;
  const value = op.call.args[1];
  const opts = op.call.args[2];
  if (!unit || !value || op.call.args.length > 3) return undefined;
  const expiry = `expiry: { type: ${unit}.Seconds, count: ${seconds} }`;
  if (!opts) return [{ start: value.span.end, end: value.span.end, text: `, { ${expiry} }` }];
  // Pattern: client.set(k, v, { conditionalSet: 'onlyIfDoesNotExist' }) → { expiry: …, conditionalSet: … }
  if (opts.props && opts.props.length > 0) return [{ start: opts.span.start + 1, end: opts.span.start + 1, text: ` ${expiry},` }];
  return undefined;
}

function unitNote(op: CacheOp, settings: RuleSettings): string {
  if (op.lib === 'cache-manager') {
    const major = settings.cacheManagerMajor(op.file);
    return major !== undefined && major < 5 ? ' (cache-manager v4: seconds)' : ' (cache-manager v5+: milliseconds)';
  }
  return LIBS[op.lib].api === 'ttl-arg' && LIBS[op.lib].ttlUnit === 'ms' ? ' (milliseconds)' : '';
}

export const missingTtl: Rule<'noTtl' | 'setDropsTtl' | 'collectionNoTtl' | 'ttlDropped'> = {
  meta: {
    id: 'missing-ttl',
    description: 'Require an expiry on cache writes.',
    severity: 'warning',
    fix: 'safe-when-configured',
    requiresTypeInfo: false,
    crossFile: true,
    messages: {
      noTtl: 'Cache write to {{key}} has no TTL: a missed invalidation leaves it stale forever',
      setDropsTtl: 'Redis {{verb}} to {{key}} has no EX/PX: it never expires and drops any TTL the key had',
      collectionNoTtl: '{{verb}} to {{key}} is never given an expiry: the structure stays stale forever',
      ttlDropped: "{{verb}} drops its '{{param}}' argument: {{key}} is written with no TTL",
    },
    details: {
      noTtl: 'Without an expiry, every invalidation bug elsewhere (a write path that forgets to delete, a key built differently, a race) serves stale data forever instead of for a few minutes.',
      setDropsTtl: 'The value never expires, and SET also removes any TTL the key had (unless KEEPTTL): one missed invalidation serves stale data forever.',
      collectionNoTtl: 'No expire/pexpire of this key follows the write: one missed invalidation leaves the structure stale forever.',
      ttlDropped: 'The wrapper has a TTL parameter but its client call passes none (a commented-out or unused branch): callers that pass a TTL still get an entry that never expires.',
    },
    help: 'Pass an expiry in the library\'s syntax (ioredis `set(k, v, \'EX\', 300)`, node-redis `{ EX: 300 }`, cache-manager v5+ milliseconds), or configure a default TTL on the store.',
  },
  // docs/rules/missing-ttl.md: one missed invalidation, and nothing ever ends it
  timeline(_messageId, race) {
    const key = keyWords(race.key);
    return {
      steps: [
        // a read-through fill is the reader itself
        { actor: race.writer && race.writer === race.reader ? 'reader' : 'cache write', text: `${named(race.writer, 'a cache write')} stores ${key} = v1 with no TTL` },
        { actor: 'writer', text: `a database write commits v2 and misses the invalidation of ${key}` },
        { actor: 'reader', text: `${named(race.reader, 'a reader')} hits ${key} = v1` },
      ],
      outcome: 'stale forever (no TTL)',
    };
  },
  checkFile(file: LinkedFile, ctx) {
    if (file.kind) return;
    const configured = ctx.settings.defaultTtlSeconds(file.file);
    const seconds = configured ?? DEFAULT_SUGGESTED_SECONDS;
    const allWrites = ctx.settings.missingTtl(file.file) === 'all-writes';
    for (const op of file.ops) {
      // the key and TTL of a facade's write are its callers' choice; a helper's call is its own op's
      if (op.kind !== 'write' || op.ttl !== false || !ctx.project.model.isKeySite(op) || nestDefaultUnknown(op, ctx.settings)) continue;
      // inside a helper its callers reach with bare keys: those calls may expire what it wrote
      if (op.forwarded && ctx.project.model.opaqueCallersOf(op).every((c) => c.kind !== op.kind || c.ttl !== false)) continue;
      const key = ctx.project.model.keyOf(op);
      const role = ctx.project.model.roleOf(op);
      if (role === 'not-cache' || (role === 'unknown' && !allWrites)) continue;
      // Pattern: if (this.lifetime === Infinity) set(k, v) else set(k, v, 'EX', lifetime) — no expiry is an option chosen
      if (expiringTwin(file, op)) continue;
      // every reader checks the entry's version stamp against the source: it retires itself
      if (checkedOnRead(key, op, ctx.project)) continue;
      // Pattern: clearOrgs = () => redis.set('orgs', '') — the invalidation itself (facts: CallFact.emptying)
      if (op.call.emptying) continue;
      // an in-process LRU memoising a computation (no database read in the function that fills it)
      // has nothing to go stale: no TTL is a choice there (e.g. hosted-git-info, path-scurry)
      if (op.lib === 'lru-cache' && !file.facts.dbReads.some((r) => r.fn === op.call.fn) && op.valueSrc !== 'db' && op.valueSrc !== 'http') continue;
      const collection = isCollectionWrite(op.verb) && !op.via;
      // a hash, set or list keeps the TTL it has (only SET drops one): an expire of the key elsewhere
      // in the product gives this structure its expiry (`hSet(progress, …); expire(progress, week)`)
      if (collection && key?.expirers.some((e) => !ctx.project.files.get(e.file)?.kind)) continue;
      const related = relatedOf(ctx.project, op, key);
      // Pattern: saveToCache(key, data, ttl) whose client call leaves `ttl` out: the TTL callers pass is dropped
      const dropped = droppedTtlParam(ctx.project, op);
      const data = { verb: op.wrapper ?? op.verb, key: keyLabel(op), ...(dropped ? { param: dropped } : {}) };
      const messageId = dropped ? 'ttlDropped' : collection ? 'collectionNoTtl' : isRedisLib(op.lib) && op.verb === 'set' && !op.wrapper ? 'setDropsTtl' : 'noTtl';
      // a raw command's options are spelled as the library's raw protocol wants them: left to the developer
      const edits = op.call.raw || op.call.options ? undefined : collection ? expireAfter(file, op, seconds) : op.via ? wrapperTtlEdit(op, seconds) : ttlEdit(op, seconds, ctx.settings, file.facts);
      const fix: Fix | undefined = edits && {
        title: op.via ? `Pass a ${seconds}-second TTL to ${op.wrapper}${op.via.ttlUnit === 'ms' ? ' (milliseconds)' : ''}` : `Add a ${seconds}-second TTL${unitNote(op, ctx.settings)}`,
        kind: configured !== undefined ? 'safe' : 'suggestion',
        edits,
      };
      ctx.report({
        file: file.file,
        span: reportSpan(file, op),
        messageId,
        data,
        related,
        fix: fix?.kind === 'safe' ? fix : undefined,
        suggestions: fix && fix.kind === 'suggestion' ? [fix] : [],
        race: { key: keyShape(op), reader: readerOf(ctx.project, key), writer: fnName(file, op.call.fn), cacheVerb: op.wrapper ?? op.verb, noTtl: true },
      });
    }
  },
};

/**
 * Another write of the same key and the same value in the same function that does set a TTL: the
 * two are branches of one choice (a lifetime the class was configured with, an `Infinity`
 * opt-out), and the configuration picks the branch. A marker written with a TTL beside a row
 * written without one (`set(k, NOT_FOUND, 'EX', 60)` … `set(k, row)`) is no such twin.
 */
function expiringTwin(file: LinkedFile, op: CacheOp): boolean {
  const key = op.call.key?.text;
  const value = valueText(file, op);
  return (
    !!key &&
    value !== undefined &&
    !op.via &&
    file.ops.some((o) => o !== op && o.kind === 'write' && !o.via && o.ttl === true && o.call.fn === op.call.fn && o.call.key?.text === key && valueText(file, o) === value)
  );
}

function valueText(file: LinkedFile, op: CacheOp): string | undefined {
  const a = op.valueArg === undefined ? undefined : op.call.args[op.valueArg];
  return a && file.text.slice(a.span.start, a.span.end);
}

/** Why the key counts as a cache, and the wrapper the call goes through. */
function relatedOf(project: ProjectIndex, op: CacheOp, key: KeyModel | undefined): Related[] {
  const out: Related[] = [];
  const e = key?.evidence.find((x) => x.role === 'cache' && x.strength === 'strong') ?? key?.evidence.find((x) => x.role === 'cache');
  if (e && !(e.file === op.file && e.span.start === op.call.span.start)) out.push({ file: e.file, span: e.span, message: `Why ${keyLabel(op)} counts as a cache: ${e.reason}` });
  out.push(...viaRelated(project, op, `Where ${op.wrapper} writes the key${op.ttlParam ? `, with a TTL only when '${op.ttlParam.name}' is passed` : ', never with an expiry'}`));
  return out;
}

/** Parameter names that carry an expiry. */
const TTL_PARAM = /^(ttl|ttlSeconds|ttlMs|expir\w*|seconds|secs|duration|timeout|maxAge|lifetime|ex)$/i;

/**
 * The TTL parameter a wrapper takes and never hands to its client call (`saveToCache(key, data,
 * ttl)` writing `redis.set(key, data)`): its callers' TTLs are dropped. Undefined otherwise.
 */
function droppedTtlParam(project: ProjectIndex, op: CacheOp): string | undefined {
  if (!op.via || op.ttlParam || op.ttlFrom !== undefined) return undefined;
  const facts = project.files.get(op.via.file)?.facts;
  const inner = facts?.calls[op.via.callId];
  const fn = inner && inner.fn > 0 ? facts!.fns[inner.fn - 1] : undefined;
  return fn?.params.find((p) => TTL_PARAM.test(p.name))?.name;
}

/** `cache.put(k, v)` → `cache.put(k, v, 300)`: the wrapper's own optional TTL parameter, in its unit. */
function wrapperTtlEdit(op: CacheOp, seconds: number): Edit[] | undefined {
  const p = op.ttlParam;
  const { call } = op;
  // Pattern: setJSON(k, v) into `setJSON(key, obj, opts = {})` reading `opts.ex`: pass `{ ex: n }`
  if (p?.member !== undefined) {
    const last = call.args[call.args.length - 1];
    const value = op.via?.ttlUnit === 'ms' ? seconds * 1000 : seconds;
    return call.args.length === p.index && last && !call.args.some((a) => a.spread) ? [{ start: last.span.end, end: last.span.end, text: `, { ${p.member}: ${value} }` }] : undefined;
  }
  // Pattern: set(k, v) into `set: (k, v, ...args) => redis.set(k, v, ...args)` — the client's own options
  const rest = op.via?.rest;
  if (rest !== undefined && op.verb === 'set' && call.args.length === rest && !call.args.some((a) => a.spread)) {
    const options = op.lib === 'ioredis' || op.lib === 'iovalkey' ? `'EX', ${seconds}` : op.lib === 'node-redis' ? `{ EX: ${seconds} }` : undefined;
    const last = call.args[call.args.length - 1];
    return options && last ? [{ start: last.span.end, end: last.span.end, text: `, ${options}` }] : undefined;
  }
  if (!p || call.args.length !== p.index || call.args.some((a) => a.spread)) return undefined;
  const value = op.via?.ttlUnit === 'ms' ? seconds * 1000 : seconds;
  const last = call.args[call.args.length - 1];
  return last ? [{ start: last.span.end, end: last.span.end, text: `, ${value}` }] : undefined;
}

/**
 * Nest's CacheModule gave stores a 5-second default TTL until @nestjs/cache-manager v3, which
 * needs cache-manager v6+ and passes `ttl` through as is. `CacheModule.register()` without `ttl`
 * therefore means "never expires" only when cache-manager is known to be v6 or later.
 */
function nestDefaultUnknown(op: CacheOp, settings: RuleSettings): boolean {
  const r = op.call.receiver;
  if (op.lib !== 'cache-manager' || r.t !== 'lib' || !r.nest || op.wrapper || op.call.args.length > 2) return false;
  const major = settings.cacheManagerMajor(op.file);
  return major === undefined || major < 6;
}

/**
 * A command chained on a pipeline (`redis.pipeline().hset(…).sadd(…)`) is reported from its own
 * method name: the call expression starts at the chain's root, so every command of the chain
 * would otherwise be underlined from the same `redis`.
 */
function reportSpan(file: LinkedFile, op: CacheOp): CacheOp['call']['span'] {
  const { call } = op;
  const chained = call.pipeline !== undefined && /\)\s*$/.test(file.text.slice(call.receiverSpan.start, call.receiverSpan.end));
  return chained ? { start: call.methodSpan.start, end: call.span.end } : call.span;
}

/**
 * `await redis.hset(k, …);` → add `await redis.expire(k, 300);` on the next line. The new line goes
 * after a trailing `// comment` of the statement's line, which belongs to the statement.
 * Pattern: redis.sadd(k, m);  (not awaited, maybe in a sync function) → `redis.expire(k, 300);`
 */
function expireAfter(file: LinkedFile, op: CacheOp, seconds: number) {
  const { call } = op;
  if (!call.stmt || !call.key || call.pipeline !== undefined || op.wrapper || /[\n\r]/.test(call.key.text)) return undefined;
  // Pattern: if (fresh) await redis.sadd(k, m);  (a body without braces: a new line would run unconditionally)
  const lineStart = file.text.lastIndexOf('\n', call.span.start - 1) + 1;
  const lead = /^\s*(await\s+)?$/.exec(file.text.slice(lineStart, call.span.start));
  if (!lead) return undefined;
  // the new line awaits only when the write does: `await` outside an async function does not parse
  const awaitKw = lead[1] ? 'await ' : '';
  const recv = file.text.slice(call.receiverSpan.start, call.receiverSpan.end);
  let at = call.stmt.end;
  const nl = file.text.indexOf('\n', at);
  const lineEnd = nl === -1 ? file.text.length : file.text[nl - 1] === '\r' ? nl - 1 : nl;
  if (/^\s*(\/\/.*)?$/.test(file.text.slice(at, lineEnd))) at = lineEnd;
  const eol = file.text[lineEnd] === '\r' ? '\r\n' : '\n';
  const expire = call.method === call.method.toUpperCase() ? 'EXPIRE' : 'expire';
  return [{ start: at, end: at, text: `${eol}${call.stmt.indent}${awaitKw}${recv}.${expire}(${call.key.text}, ${seconds});` }];
}
