// A decorated method's cache ops (facts/cache/decorator-uses.ts records the decoration as a call):
// the calls the decorator's wrapper makes (facts/cache/decorators.ts), each with the key the
// decoration's arguments build (its prefix and its template over the method's parameters) and the
// TTL it passes or leaves out. `@Cacheable('user:{id}')` becomes a read of `user:{}` that loads
// the method's result on a miss and a write of it; `@CacheEvict('user:{id}')` a delete, after the
// method's database writes when the wrapper calls the method first. Nest's `@CacheKey('k')` under
// CacheInterceptor is a cache-manager fill of `k` with the `@CacheTTL` (or the module's default).
import type { CacheDecoratorDef, CallFact, DecoratorCall, DecoratorKeyPiece, FileFacts, FnFact, KeyPart } from '../facts/types';
import type { CacheOp } from '../rule';
import { libTtlUnit, type OpReaderDeps } from './ops';
import { LIBS } from '../facts/cache/client-modules';

export interface DecoratorReader {
  opsOf(file: string, call: CallFact): CacheOp[];
  keyOf(file: string, parts: KeyPart[] | undefined): CacheOp['key'];
}

const REDIS = new Set(['ioredis', 'node-redis', 'upstash']);

/** Shapes worth a key of their own: some literal word besides separators. */
const meaningful = (shape: string | undefined): shape is string => !!shape && /[A-Za-z]{2,}/.test(shape.replace(/\{\}/g, ''));

export function decoratorOps(r: DecoratorReader, d: OpReaderDeps, file: string, call: CallFact): CacheOp[] {
  const c = call.receiver;
  if (c.t !== 'decorator') return [];
  if (c.nest) return nestOps(r, d, file, call);
  const found = defOf(d, file, c);
  if (!found) return [];
  const { defFile, def, facts } = found;
  const params = d.factsByFile.get(file)?.fns[call.fn - 1]?.params ?? [];
  const label = `@${def.name}`;
  // a factory parameter formatted as a template somewhere is passed as it is only when formatting
  // failed (`key === null`): that branch is no key of this decoration
  const templated = new Set(def.calls.flatMap((dc) => (dc.key ?? []).flatMap((p) => ('template' in p ? [`${p.template}.${p.prop ?? ''}`] : []))));
  const out: CacheOp[] = [];
  for (const dc of def.calls) {
    if (!dc.key || dc.key.some((p) => 'param' in p && templated.has(`${p.param}.${p.prop ?? ''}`))) continue;
    const inner = facts.calls[dc.id];
    const parts = inner && fill(r, file, dc.key, call, params);
    const plain = parts && r.keyOf(file, parts);
    if (!inner || !plain || !meaningful(plain.shape)) continue;
    const scopedParts = dc.scoped && fill(r, file, dc.scoped.key, call, params);
    const scopedShape = scopedParts ? r.keyOf(file, scopedParts)?.shape : undefined;
    const key = scopedShape && scopedShape !== plain.shape ? { ...plain, scoped: { shape: scopedShape, by: dc.scoped!.by } } : plain;
    for (const io of r.opsOf(defFile, inner)) {
      if (io.kind !== 'read' && io.kind !== 'write' && io.kind !== 'delete') continue;
      const after = dc.original === 'after';
      const t = io.kind === 'write' ? ttlAt(r, defFile, def, dc, inner, io, call, facts) : { ttl: io.ttl };
      const op: CacheOp = {
        file,
        call: { ...call, afterWrites: after ? call.afterWrites : [] },
        lib: io.lib,
        wrapper: label,
        kind: io.kind,
        verb: io.verb,
        ttl: t.ttl,
        nx: io.nx,
        sentinel: false,
        key,
        defaultTtl: io.defaultTtl,
        via: { label, file: defFile, callId: inner.id, ttlUnit: ttlUnitOf(io, inner, d, defFile) },
        decorated: { name: def.name, original: dc.original },
        ...(io.use ? { use: io.use } : {}),
        // Pattern: @CacheEvict(NAME, '*') running `keys(\`${NAME}*\`)` and deleting what it found
        ...(io.matching ? { matching: true as const } : {}),
      };
      // a read before the method runs falls back to it on a miss; what is written after it is its result
      if (io.kind === 'read' && !after && call.fallback) op.fallback = call.fallback;
      if (io.kind === 'write') op.valueSrc = after ? call.fallback : io.valueSrc;
      // Pattern: @Cacheable(…) getConfigValue(k) { … return data.configValue } — the cache holds that field
      if (io.kind === 'write' && after && call.returnHolds) op.valueHolds = call.returnHolds;
      // Pattern: @Cacheable('user:{id}') findOne(id) { return this.repo.findOne(…) } — the fill holds the method's rows
      if (io.kind === 'write' && after && call.readEntities) op.valueEntities = call.readEntities;
      // Pattern: @CachedEntity(…) getNotificationCount(cmd) { return this.repo.count({ orgId }) } — the fill holds a count
      if (io.kind === 'write' && after && call.returnsCountOf) {
        op.valueAggregate = 'count';
        op.valueCountFilter = call.returnsCountOf;
      }
      if (t.ttlParam) {
        op.ttlParam = t.ttlParam;
        op.ttlFrom = t.ttlParam.index;
      }
      // the same key read or written on two branches (`ttl ? set(k, v, 'EX', ttl) : set(k, v)`) is one op;
      // a delete before the method and one after it (a double delete) are two
      const twin = out.find((o) => o.kind === op.kind && o.key?.shape === op.key?.shape && o.decorated?.original === op.decorated?.original);
      if (!twin) out.push(op);
      else if (op.kind === 'write') twin.ttl = twin.ttl === true || op.ttl === true ? true : twin.ttl === undefined || op.ttl === undefined ? undefined : false;
    }
  }
  return out;
}

function defOf(d: OpReaderDeps, file: string, c: Extract<CallFact['receiver'], { t: 'decorator' }>): { defFile: string; def: CacheDecoratorDef; facts: FileFacts } | undefined {
  let defFile: string | undefined;
  let name: string | undefined;
  if (c.local !== undefined) [defFile, name] = [file, c.local];
  else if (c.ref) {
    const res = d.resolve(file, c.ref);
    if (res?.value.t === 'decorator') [defFile, name] = [res.file, res.value.name];
  }
  const facts = defFile !== undefined ? d.factsByFile.get(defFile) : undefined;
  const def = facts?.decorators?.find((x) => x.name === name);
  return facts && def ? { defFile: defFile!, def, facts } : undefined;
}

/** The decoration's argument (or a property of its options object) as key parts. */
function argParts(call: CallFact, param: number, prop: string | undefined): KeyPart[] | undefined {
  const a = call.args[param];
  if (!a || a.spread) return undefined;
  return prop === undefined ? a.parts : a.propParts?.[prop];
}

/** The key pieces of the wrapper's call, with the decoration's arguments put in. */
function fill(r: DecoratorReader, file: string, pieces: DecoratorKeyPiece[], call: CallFact, params: FnFact['params']): KeyPart[] | undefined {
  const out: KeyPart[] = [];
  for (const p of pieces) {
    if ('lit' in p || 'hole' in p) out.push(p);
    else if ('param' in p) {
      const given = argParts(call, p.param, p.prop);
      if (!given) return undefined;
      out.push(...given);
    } else {
      const given = argParts(call, p.template, p.prop);
      // a template held in a constant (`@Cacheable(KEYS.user)`) is known once resolved
      const resolved = given && r.keyOf(file, given)?.parts;
      if (!resolved) return undefined;
      if (!resolved.every((x) => 'lit' in x)) {
        out.push(...resolved);
        continue;
      }
      const t = expandTemplate(resolved.map((x) => (x as { lit: string }).lit).join(''), params);
      if (!t) return undefined;
      out.push(...t);
    }
  }
  return out;
}

/**
 * A key template over the decorated method's parameters: `{0}` by position, `{id}`, `{dto.id}`,
 * `#{id}` and `${id}` by name, `:id` when `id` names a parameter (`sys_dept:findOne:{deptId}`
 * keeps its `:findOne`). Undefined for `*`, which selects every key under the prefix.
 */
export function expandTemplate(text: string, params: FnFact['params']): KeyPart[] | undefined {
  if (text.includes('*')) return undefined;
  const names = new Set(params.flatMap((p) => (p.name ? [p.name] : p.bindings ?? [])));
  const out: KeyPart[] = [];
  let last = 0;
  const re = /#?\{([^{}]+)\}|\$\{([^{}]+)\}|:([A-Za-z_][\w$]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = (m[1] ?? m[2] ?? m[3]).trim();
    const colon = m[3] !== undefined;
    if (colon && !names.has(name.split('.')[0])) {
      // `:findOne` is literal text: look again right after its colon
      re.lastIndex = m.index + 1;
      continue;
    }
    const lit = text.slice(last, m.index) + (colon ? ':' : '');
    if (lit) out.push({ lit });
    const pos = /^\d+$/.test(name) ? params[Number(name)]?.name : undefined;
    out.push({ hole: pos || name });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ lit: text.slice(last) });
  return out;
}

/**
 * The TTL of a write the decoration makes: the wrapper passes the factory's TTL parameter on, so a
 * decoration that gives it (or a default, or a fallback `ttl ?? 3600`) expires; one that leaves it
 * out gets what the wrapper's call does without it (the client, or the project wrapper, decides).
 */
function ttlAt(
  r: DecoratorReader,
  defFile: string,
  def: CacheDecoratorDef,
  dc: DecoratorCall,
  inner: CallFact,
  io: CacheOp,
  call: CallFact,
  facts: FileFacts,
): { ttl?: boolean; ttlParam?: { index: number; name: string } } {
  let from = io.ttlFrom;
  let via = { dc, inner, io };
  if (io.ttl === false && from === undefined) {
    // Pattern: await this.redis.set(key, v); if (ttl) await this.redis.expire(key, ttl)
    const exp = def.calls.find((x) => x !== dc && JSON.stringify(x.key) === JSON.stringify(dc.key) && facts.calls[x.id]?.method.toLowerCase().endsWith('expire'));
    const expInner = exp && facts.calls[exp.id];
    const expOp = expInner && r.opsOf(defFile, expInner).find((o) => o.kind === 'expire');
    if (!exp || !expInner || !expOp) return { ttl: false };
    from = expOp.ttlFrom ?? 1;
    via = { dc: exp, inner: expInner, io: expOp };
  }
  const bound = from !== undefined ? via.dc.argParams[from] : null;
  if (!bound) return { ttl: via === undefined || via.io === io ? io.ttl : true };
  if (bound.fallback) return { ttl: true };
  const a = call.args[bound.param];
  if (a?.spread) return { ttl: undefined };
  if (a && bound.prop === undefined) return { ttl: a.num !== 0 };
  if (a && bound.prop !== undefined) {
    if (!a.props) return { ttl: undefined };
    if (a.props.includes(bound.prop)) return { ttl: a.propNums?.[bound.prop] !== 0 };
  }
  const prm = def.params[bound.param];
  if (prm?.hasDefault && bound.prop === undefined) return { ttl: true };
  // (an options object's property is named for the message only: no argument can be appended for it)
  const param = prm?.name ? { index: bound.param, name: bound.prop === undefined ? prm.name : `${prm.name}.${bound.prop}` } : undefined;
  if (via.io.kind === 'expire') return { ttl: false, ...(param ? { ttlParam: param } : {}) };
  // the wrapper's own call without that argument: a project wrapper's optional TTL, or the client's default
  let without: boolean | undefined;
  if (io.via) without = r.opsOf(defFile, { ...inner, id: -1 - inner.id, args: inner.args.slice(0, from) }).find((o) => o.kind === 'write')?.ttl;
  else without = REDIS.has(io.lib) ? false : io.defaultTtl;
  return { ttl: without, ...(without === false && param ? { ttlParam: param } : {}) };
}

/** The unit the wrapper's call takes its TTL in: as a project wrapper passes it on, PX and the millisecond libraries, else seconds. */
function ttlUnitOf(io: CacheOp, inner: CallFact, d: OpReaderDeps, defFile: string): 's' | 'ms' {
  if (io.via) return io.via.ttlUnit ?? 's';
  if (LIBS[io.lib].api === 'ttl-arg') return libTtlUnit(io.lib, d, defFile);
  const flag = io.ttlFrom !== undefined ? inner.args[io.ttlFrom - 1]?.str : undefined;
  return (flag && /^PX/i.test(flag)) || /^(psetex|pexpire)/.test(io.verb) ? 'ms' : 's';
}

/** Pattern: @CacheKey('stats') @CacheTTL(60) @UseInterceptors(CacheInterceptor) — Nest caches the handler's result. */
function nestOps(r: DecoratorReader, d: OpReaderDeps, file: string, call: CallFact): CacheOp[] {
  const key = r.keyOf(file, call.key?.parts);
  if (!key || !meaningful(key.shape)) return [];
  const ttlArg = call.args[1];
  // without @CacheTTL the module's default applies: known to expire only when CacheModule sets a TTL
  const ttl = ttlArg ? ttlArg.num !== 0 : d.nestTtl === true ? true : undefined;
  const base = { file, lib: 'cache-manager' as const, wrapper: '@CacheKey', nx: false, sentinel: false, key, defaultTtl: d.nestTtl, decorated: { name: 'CacheKey', original: 'after' as const } };
  // the interceptor caches GET handlers only: no write of the handler precedes its fill
  const fill = { ...call, afterWrites: [] };
  return [
    { ...base, call: fill, kind: 'read', verb: 'get', ...(call.fallback ? { fallback: call.fallback } : {}), decorated: { name: 'CacheKey', original: 'before' } },
    { ...base, call: fill, kind: 'write', verb: 'set', ttl, ...(call.fallback ? { valueSrc: call.fallback } : {}), ...(call.readEntities ? { valueEntities: call.readEntities } : {}) },
  ];
}

/**
 * The wrapper's own calls inside a decorator's file: their key and TTL are each decoration's
 * choice (like a facade's calls), so findings about them belong at the decorations.
 */
export function markDecoratorCalls(facts: FileFacts, ops: readonly CacheOp[]): void {
  if (!facts.decorators?.length) return;
  const inner = new Set(facts.decorators.flatMap((d) => d.calls.map((c) => c.id)));
  for (const op of ops) if (inner.has(op.call.id)) op.forwarded = true;
}
