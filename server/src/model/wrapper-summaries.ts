// What a project's own cache function or method does to the client, summarised once, so its
// callers' calls become cache ops with their own keys and TTLs: `RedisService.set(key, v, ttl?)`,
// `ProductCache.put(id, v)` with `this.key(id)` inside, `cacheSet(k, v)`, `module.exports = { set }`.
// A summary holds the inner ops (as the linker read them in the wrapper's file), the key as a
// template over the wrapper's parameters, and whether it sets an expiry always, never, or only
// when an optional parameter is given.
import { isRedisLib } from '../facts/cache/client-modules';
import { classifyVerb, type VerbInfo } from '../facts/cache/verbs';
import type { CacheOp } from '../rule';
import type { CallFact, FileFacts, FnFact, KeyPart } from '../facts/types';

/** How a wrapper's write expires. */
export type TtlSummary =
  | { t: 'always' }
  | { t: 'never' }
  /** set when parameter `index` is passed (or always, when it has a default) */
  | {
      t: 'param';
      index: number;
      name: string;
      optional: boolean;
      hasDefault: boolean;
      /** the TTL is this member of the parameter, an options object (`opts.ex` in `{ EX: opts.ex }`) */
      member?: string;
    }
  /**
   * the caller's arguments from `index` on (the wrapper's rest parameter) are the inner call's own
   * from `at` on: `set: (k, v, ...args) => redis.set(k, v, ...args)` called as `set(k, v, 'EX', 60)`
   */
  | { t: 'rest'; index: number; at: number }
  | { t: 'unknown' };

export interface WrapperSummary {
  file: string;
  className: string;
  method: string;
  fn: FnFact;
  /** the ops of the calls it makes, in source order; expires of a written key are folded into its TTL */
  ops: CacheOp[];
  /** per op, how its TTL is decided (writes only) */
  ttl: Map<CacheOp, TtlSummary>;
  /**
   * The callers choose the key or the TTL (a facade: `set(key, v, ttl?)`): findings about the key
   * and the TTL belong at the call sites, never inside. Otherwise the key and TTL are fixed inside
   * (`cacheUser(u)` writing `user:${u.id}`), and the findings belong there.
   */
  facade: boolean;
}

/**
 * A parameter reference in a key hole: `id`, `user.id` (prop `id` of `user`), or a destructured `{ id }`.
 * Not a local variable of the same name shadowing the parameter (KeyPart `local`).
 */
export function paramOfHole(part: { hole: string; local?: true }, fn: FnFact): { index: number; prop?: string } | undefined {
  if (part.local) return undefined;
  const hole = part.hole;
  const m = /^([\w$]+)(?:\??\.([\w$]+))?/.exec(hole);
  if (!m) return undefined;
  const [, root, prop] = m;
  const exact = m[0].length === hole.length;
  for (let i = 0; i < fn.params.length; i++) {
    const p = fn.params[i];
    if (p.name && p.name === root) {
      if (!prop && hole.length === root.length) return { index: i };
      if (prop && exact) return { index: i, prop };
      return undefined;
    }
    if (p.bindings?.includes(root) && hole.length === root.length) return { index: i, prop: root };
  }
  return undefined;
}

/** Does the key have a hole naming a parameter (the callers give that part of the key)? */
export function keyUsesParams(parts: readonly KeyPart[] | undefined, fn: FnFact): boolean {
  return !!parts?.some((p) => 'hole' in p && !!paramOfHole(p, fn));
}

/**
 * A key the callers choose: nothing literal around the parameters but separators and generic
 * prefixes (`key`, `${this.prefix}${key}`, `cache:${key}`, `cache_${name}:${key}` with the name given
 * to the constructor). `${tenant}-${id}-failure` names its key.
 */
function openKey(op: CacheOp): boolean {
  const parts = op.key?.parts ?? [];
  const text = parts.map((p) => ('lit' in p ? p.lit : ' ')).join('').replace(/(?<![A-Za-z])(cache|cached|app|api|v\d+)(?![A-Za-z])/gi, '');
  return !/[A-Za-z]{2,}/.test(text);
}

/** The TTL an op gets from its own call: an argument that is a parameter of the wrapper, or fixed. */
function ttlOf(op: CacheOp, call: CallFact, fn: FnFact): TtlSummary {
  if (op.ttlFrom !== undefined) {
    const p = call.args[op.ttlFrom]?.param;
    if (p !== undefined) {
      const prm = fn.params[p];
      return { t: 'param', index: p, name: prm?.name ?? '', optional: !!prm?.optional, hasDefault: !!prm?.hasDefault };
    }
    // Pattern: redisClient.set(key, value, { EX: opts.ex }) — the caller's options object
    const pp = call.args[op.ttlFrom]?.propParam;
    if (pp) {
      const prm = fn.params[pp.param];
      return { t: 'param', index: pp.param, name: `${prm?.name ?? ''}.${pp.member}`, optional: !!prm?.optional, hasDefault: !!prm?.hasDefault, member: pp.member };
    }
  }
  // Pattern: redis.set(key, value, ...args) — the options are the caller's, whatever they are
  const at = call.args.length - 1;
  const rest = call.args[at]?.restParam;
  if (op.kind === 'write' && rest !== undefined && op.ttl !== true && !call.raw) return { t: 'rest', index: rest, at };
  if (op.ttl === true) return { t: 'always' };
  if (op.ttl === false) return { t: 'never' };
  return { t: 'unknown' };
}

/** Two branches writing the same key (`ttl ? set(k, v, 'EX', ttl) : set(k, v)`): one summary. */
function mergeTtl(a: TtlSummary, b: TtlSummary): TtlSummary {
  if (a.t === 'param') return a;
  if (b.t === 'param') return b;
  if (a.t === b.t) return a;
  return { t: 'unknown' };
}

function sameKeyText(a: CacheOp, b: CacheOp): boolean {
  return !!a.call.key && a.call.key.text === b.call.key?.text;
}

/**
 * Summarises `method` of `className` in `file` from the ops of its calls (`innerOp` reads a call
 * of that file as the linker does). Undefined when the method makes no cache call.
 */
export function summarise(
  file: string,
  facts: FileFacts,
  className: string,
  method: string,
  innerOp: (call: CallFact) => CacheOp[],
): WrapperSummary | undefined {
  const calls = facts.wrappers.filter((w) => w.className === className && w.method === method).flatMap((w) => facts.calls[w.callId] ?? []);
  if (calls.length === 0) return undefined;
  const fnId = calls[0].fn;
  const fn = facts.fns[fnId - 1];
  if (!fn) return undefined;
  // every cache call of the method, not only those recorded for their parameters
  const all = facts.calls.filter((c) => c.fn === fnId);
  // expires last: a chain (`multi().hset(k, v).expire(k, s)`) is walked outside in, the expire first
  const raw = all.flatMap((c) => innerOp(c).map((op) => ({ op, call: c }))).sort((a, b) => Number(a.op.kind === 'expire') - Number(b.op.kind === 'expire'));
  const ops: CacheOp[] = [];
  const ttl = new Map<CacheOp, TtlSummary>();
  for (const { op, call } of raw) {
    if (op.kind === 'expire') {
      // Pattern: await this.redis.rpush(k, v); if (ttl) await this.redis.expire(k, ttl)
      const w = ops.find((o) => o.kind === 'write' && sameKeyText(o, op));
      if (w) {
        const t = ttl.get(w)!;
        const e = ttlOf(op, call, fn);
        ttl.set(w, e.t === 'param' ? e : t.t === 'never' ? { t: 'always' } : t);
        continue;
      }
    }
    if (op.kind === 'write') {
      // the same key written on two branches is one write
      const twin = ops.find((o) => o.kind === 'write' && sameKeyText(o, op));
      if (twin) {
        const own = ttlOf(op, call, fn);
        const merged = mergeTtl(ttl.get(twin)!, own);
        // Pattern: if (!ttl) return c.set(k, v); return c.set(k, v, 'PX', ttl) — the write that hands the
        // parameter on stands for both: its flag says the parameter's unit
        if (own.t === 'param' && ttl.get(twin)!.t !== 'param') {
          ops[ops.indexOf(twin)] = op;
          ttl.delete(twin);
          ttl.set(op, merged);
        } else ttl.set(twin, merged);
        continue;
      }
      ttl.set(op, ttlOf(op, call, fn));
    }
    ops.push(op);
  }
  if (ops.length === 0) return undefined;
  // a method that loads what it writes (a read-through `findOneDataType(type)`) decides the value and
  // the TTL itself, whatever key it builds: only a pass-through of the caller's value is a facade
  const writes = ops.filter((o) => o.kind === 'write');
  const passThrough = writes.length === 0 || writes.some((o) => o.valueSrc === 'param' || o.valueSrc === undefined);
  // a method that writes the database itself (`deleteByAdmin(id)`: delete the row, drop its key)
  // chooses its key and its timing, however opaque the key's prefix: no facade unless the TTL is the caller's
  const writesDb = facts.dbWrites.some((w) => w.fn === fnId);
  const facade = [...ttl.values()].some((t) => t.t === 'param') || (!writesDb && passThrough && ops.some((o) => openKey(o)));
  return { file, className, method, fn, ops, ttl, facade };
}

/** The inner call as the caller's forwarded options make it (TtlSummary `rest`). */
function forwardedVerb(t: Extract<TtlSummary, { t: 'rest' }>, call: CallFact, inner: CacheOp): VerbInfo | undefined {
  if (call.args.slice(t.index).some((a) => a.spread)) return undefined;
  return classifyVerb(inner.lib, inner.call.method, [...inner.call.args.slice(0, t.at), ...call.args.slice(t.index)]);
}

/** At a call site, the TTL in seconds a rest-forwarding wrapper's caller gives (`set(k, v, 'EX', 900)`). */
export function forwardedTtlSeconds(t: TtlSummary, call: CallFact, inner: CacheOp): number | undefined {
  if (t.t !== 'rest') return undefined;
  const v = forwardedVerb(t, call, inner);
  if (!v?.ttl || v.ttlArg === undefined) return undefined;
  const args = [...inner.call.args.slice(0, t.at), ...call.args.slice(t.index)];
  const n = args[v.ttlArg]?.num;
  if (n === undefined) return undefined;
  return /^px$/i.test(args[v.ttlArg - 1]?.str ?? '') ? n / 1000 : n;
}

/** At a call site: is the TTL set, given the summary and the arguments passed? */
export function ttlAtCall(t: TtlSummary, call: CallFact, inner: CacheOp): boolean | undefined {
  switch (t.t) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'unknown':
      return undefined;
    case 'rest':
      return forwardedVerb(t, call, inner)?.ttl;
    case 'param': {
      const a = call.args[t.index];
      // Pattern: setJSON(k, v, { ex: 600 }) / setJSON(k, v) — an options object with an expiry in it, or none
      if (t.member !== undefined) {
        if (!a) return false;
        if (a.spread || a.props === undefined) return undefined;
        return a.props.some((p) => /^(ex|px|exat|pxat|ttl|keepttl)$/i.test(p));
      }
      const passed = !!a && !a.spread;
      if (passed || t.hasDefault) return true;
      // an omitted optional TTL falls back to the client's default, when it has one
      return inner.defaultTtl === true ? true : inner.defaultTtl === false || isRedisLib(inner.lib) ? false : undefined;
    }
  }
}
