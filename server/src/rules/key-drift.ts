// key-drift: a write or invalidation builds the key differently from the reads, so it hits nothing.
// Docs: docs/rules/key-drift.md
import { isRedisLib } from '../facts/cache/client-modules';
import { driftBetween, entityOfShape, shapesMatch, slotsOf } from '../facts/keys/shapes';
import type { CacheOp, Fix, LinkedFile, ProjectIndex, Related, Rule } from '../rule';
import { rewriteKey, type ReadSite } from './key-drift.fix';
import { shortPath } from './util';

/** Shapes worth comparing: some literal text besides separators. */
function meaningful(shape: string | undefined): shape is string {
  return !!shape && /[A-Za-z]{2,}/.test(shape.replace(/\{\}/g, ''));
}

/** Tests and scripts say nothing of the keys the product uses (model/file-kinds.ts). */
function inProduct(project: ProjectIndex, file: string): boolean {
  return !project.files.get(file)?.kind;
}

function readSites(project: ProjectIndex): ReadSite[] {
  const reads: ReadSite[] = [];
  for (const op of project.ops)
    if (op.kind === 'read' && !op.forwarded && meaningful(op.key?.shape) && inProduct(project, op.file)) reads.push({ file: op.file, span: op.call.span, shape: op.key!.shape!, op });
  // an unresolved receiver reading a literal key still counts as a use of that key
  for (const r of project.looseReads) if (inProduct(project, r.file)) reads.push({ file: r.file, span: r.call.span, shape: r.shape });
  return reads;
}

/**
 * Whether the op's function also writes (or deletes) the read shape itself. Then the odd key is
 * deliberate: a migration that clears the legacy key next to the current one (`del('product:1')`
 * and `del('product:v2:1')`), or a dual write for readers that have not moved yet.
 */
function coveredBySibling(project: ProjectIndex, op: CacheOp, readShape: string): boolean {
  return (project.files.get(op.file)?.ops ?? []).some(
    (o) => o !== op && o.call.fn === op.call.fn && o.kind === op.kind && !!o.key?.shape && shapesMatch(o.key.shape, readShape),
  );
}


/**
 * The Redis data type a verb works on: a `sadd` to `products:<category>` and a `get` of
 * `product:<id>` cannot be one key spelled two ways (the get would fail with WRONGTYPE), so they
 * are never compared. `any` (exists, ttl, type) and non-Redis stores are compatible with all.
 */
function dataType(op: CacheOp): string {
  if (!isRedisLib(op.lib)) return 'any';
  const v = op.verb.toLowerCase();
  if (/^(get|getex|getdel|getbuffer|getset|strlen|mget|set|setex|psetex|setnx|mset|msetnx|incr|incrby|decr|decrby)$/.test(v)) return 'string';
  if (/^h/.test(v)) return 'hash';
  if (/^s(add|members|ismember|card|rem|pop|randmember)$/.test(v)) return 'set';
  if (/^(l|r)(push|pushx|range|len|index|pop|rem)$/.test(v)) return 'list';
  if (/^z/.test(v)) return 'zset';
  return 'any';
}

function compatible(a: CacheOp, b: CacheOp | undefined): boolean {
  if (!b) return true;
  const x = dataType(a);
  const y = dataType(b);
  return x === 'any' || y === 'any' || x === y;
}

function memo<T>(f: (s: string) => T): (s: string) => T {
  const m = new Map<string, T>();
  return (s) => {
    if (!m.has(s)) m.set(s, f(s));
    return m.get(s)!;
  };
}

/** Shapes indexed by their leading literal word (`product` of `product:v2:{}`); hole-led ones match any. */
function byLead(shapes: string[]): { exact: Set<string>; candidates(s: string): string[] } {
  const lead = (s: string) => /^[^:{}/._-]*/.exec(s)![0].toLowerCase();
  const groups = new Map<string, string[]>();
  const open: string[] = [];
  for (const s of shapes) {
    if (s.startsWith('{}')) open.push(s);
    else {
      const k = lead(s);
      const g = groups.get(k);
      if (g) g.push(s);
      else groups.set(k, [s]);
    }
  }
  return {
    exact: new Set(shapes),
    candidates: (s) => (s.startsWith('{}') ? shapes : [...(groups.get(lead(s)) ?? []), ...open]),
  };
}

interface ShapeQueries {
  isRead(shape: string): boolean;
  isUsed(shape: string): boolean;
  /** the read shapes `shape` is a cosmetic variant of, with the reason */
  driftingShapes(shape: string): { shape: string; reason: string }[];
}

/**
 * Questions about shapes, answered once per distinct shape and kept while the project's read and
 * used shapes stay the same (an edit in one file rarely changes them): exact matches first, then
 * only the shapes that can match (same leading word, or a leading hole).
 */
function shapeQueries(project: ProjectIndex, readShapes: string[], usedShapes: string[]): ShapeQueries {
  const id = `${readShapes.join('\0')}\u0001${usedShapes.join('\0')}`;
  const kept = project.memo.get('key-drift:shapes') as { id: string; queries: ShapeQueries } | undefined;
  if (kept?.id === id) return kept.queries;
  const readIndex = byLead(readShapes);
  const usedIndex = byLead(usedShapes);
  const queries: ShapeQueries = {
    isRead: memo((s) => readIndex.exact.has(s) || readIndex.candidates(s).some((r) => shapesMatch(s, r))),
    isUsed: memo((s) => usedIndex.exact.has(s) || usedIndex.candidates(s).some((u) => shapesMatch(u, s))),
    driftingShapes: memo((s) => {
      const out: { shape: string; reason: string }[] = [];
      for (const rs of readShapes) {
        const reason = driftBetween(s, rs);
        if (reason) out.push({ shape: rs, reason });
      }
      return out;
    }),
  };
  project.memo.set('key-drift:shapes', { id, queries });
  return queries;
}

/** A literal `*` in a deleted key: DEL and its wrappers remove one key by name, never a pattern. */
function isPattern(shape: string): boolean {
  return slotsOf(shape).some((lit) => lit.includes('*'));
}

/**
 * The SCAN loop that does what `redis.del('cfg:*')` means (ioredis, awaited statement only):
 * `for await (const keys of redis.scanStream({ match: 'cfg:*' })) if (keys.length) await redis.unlink(...keys);`
 */
function scanLoopFix(file: LinkedFile, op: CacheOp): Fix | undefined {
  const { call } = op;
  if (op.lib !== 'ioredis' || op.via || !call.stmt || !call.key || call.pipeline !== undefined) return undefined;
  const lineStart = file.text.lastIndexOf('\n', call.span.start - 1) + 1;
  const lead = /^(\s*)await\s+$/.exec(file.text.slice(lineStart, call.span.start));
  if (!lead) return undefined;
  const recv = file.text.slice(call.receiverSpan.start, call.receiverSpan.end);
  const text = `for await (const keys of ${recv}.scanStream({ match: ${call.key.text} })) if (keys.length) await ${recv}.unlink(...keys);`;
  return { title: 'Delete the matching keys with a SCAN loop', kind: 'suggestion', edits: [{ start: lineStart + lead[1].length, end: call.stmt.end, text }] };
}

/**
 * Pattern: invalidateLinks(slugs) into `(slugs, domain = 'example.com')` while reads pass the
 * request's domain: the key the call builds with the default is a special case of the read shape.
 */
function defaultDrift(op: CacheOp, readShapes: readonly string[]): { read: string; param: string; value: string } | undefined {
  const { shape, openShape, defaults } = op.key!;
  if (!openShape || !defaults?.length) return undefined;
  const read = readShapes.find((r) => r !== shape && shapesMatch(openShape, r) && shapesMatch(r, openShape));
  return read ? { read, param: defaults[0].param, value: defaults[0].value } : undefined;
}

export const keyDrift: Rule<'drift' | 'deadDelete' | 'patternDelete' | 'defaultArgDrift'> = {
  meta: {
    id: 'key-drift',
    description: 'Require cache writes and invalidations to use the key shape the reads use.',
    severity: 'warning',
    fix: 'suggestion',
    requiresTypeInfo: false,
    crossFile: true,
    messages: {
      drift: '{{action}} uses key {{written}}, but reads use {{read}} ({{reason}}): this {{what}} never reaches the cached entry.',
      deadDelete: 'Deletes key {{written}}, which nothing in this project reads or writes (it caches {{entity}} under {{others}}): the invalidation has no effect.',
      patternDelete:
        'Deletes {{written}} by name, but DEL does not expand patterns: no entry is named with a literal `*`, so this invalidates nothing. Find the keys with SCAN and delete those.',
      defaultArgDrift:
        '{{action}} uses key {{written}}, built with the default {{param}} = {{value}} because the call leaves {{param}} out, but reads use {{read}}: entries under any other {{param}} are never {{what}}.',
    },
    help: 'Build the key with the same builder or template the read path uses.',
  },
  checkProject(project, ctx) {
    const reads = readSites(project);
    // every shape something other than a delete touches: writes, but also incr/expire/hdel
    // (a counter that is incremented and later deleted is not a dead delete)
    const usedShapes = [
      ...new Set(project.ops.filter((o) => o.kind !== 'delete' && o.kind !== 'read' && o.key?.shape && !o.forwarded && inProduct(project, o.file)).map((o) => o.key!.shape!)),
    ];
    const readShapes = [...new Set(reads.map((r) => r.shape))];
    const { isRead, isUsed, driftingShapes } = shapeQueries(project, readShapes, usedShapes);
    const readOrder = new Map(reads.map((r, i) => [r, i]));
    const readsByShape = new Map<string, ReadSite[]>();
    for (const r of reads) {
      const g = readsByShape.get(r.shape);
      if (g) g.push(r);
      else readsByShape.set(r.shape, [r]);
    }
    // the reads whose shape is a close variant of a written shape, in the reads' own (file) order
    const driftingReads = (shape: string) =>
      driftingShapes(shape)
        .flatMap((d) => readsByShape.get(d.shape)!.map((r) => ({ r, reason: d.reason })))
        .sort((a, b) => readOrder.get(a.r)! - readOrder.get(b.r)!);

    for (const op of project.ops) {
      if ((op.kind !== 'write' && op.kind !== 'delete') || !ctx.wants(op.file) || !inProduct(project, op.file)) continue;
      // the call of a helper that leaves a defaulted key part out is where that default is chosen
      if (op.key?.defaults && op.key.shape && project.model.roleOf(op) !== 'not-cache') {
        const d = defaultDrift(op, readShapes);
        if (d) {
          ctx.report({
            file: op.file,
            span: op.call.span,
            messageId: 'defaultArgDrift',
            data: { action: op.kind === 'delete' ? 'Invalidation' : 'Cache write', written: `'${op.key.shape}'`, read: `'${d.read}'`, param: d.param, value: `'${d.value}'`, what: op.kind === 'delete' ? 'deleted' : 'written' },
            related: (readsByShape.get(d.read) ?? []).slice(0, 3).map((r) => ({ file: r.file, span: r.span, message: `Read with key '${r.shape}' (${shortPath(r.file)}).` })),
            suggestions: [],
          });
          continue;
        }
      }
      // where the key is chosen: not inside a facade, not at the calls of a helper that builds it
      if (!project.model.isKeySite(op)) continue;
      // a queue, a lock or a counter spelled like a cache key is a different key, not a drifted one
      if (project.model.roleOf(op) === 'not-cache') continue;
      const shape = op.key?.shape;
      if (!meaningful(shape)) continue;
      // Pattern: redis.del('cfg:*') — a pattern handed to a delete that takes names
      if (op.kind === 'delete' && isPattern(shape)) {
        const fix = scanLoopFix(project.files.get(op.file)!, op);
        ctx.report({ file: op.file, span: op.call.key?.span ?? op.call.span, messageId: 'patternDelete', data: { written: `'${shape}'` }, suggestions: fix ? [fix] : [] });
        continue;
      }
      if (isRead(shape)) continue;
      // a delete of a key this project writes does reach an entry (`sadd('sessions:1')` … `del('sessions:1')`)
      if (op.kind === 'delete' && isUsed(shape)) continue;
      // only reads through a resolved client are evidence of the shape the cache is read under
      const variants = driftingReads(shape).filter((v) => v.r.op && (op.kind === 'delete' || compatible(op, v.r.op)));
      if (variants.length > 0) {
        if (variants.some((v) => coveredBySibling(project, op, v.r.shape))) continue;
        // the explanation and the fix follow a read in the same file first, then any
        const ordered = [...variants.filter((v) => v.r.file === op.file), ...variants.filter((v) => v.r.file !== op.file)];
        const first = ordered[0];
        const related: Related[] = ordered
          .slice(0, 5)
          .map((v) => ({ file: v.r.file, span: v.r.span, message: `Read with key '${v.r.shape}' (${shortPath(v.r.file)}).` }));
        const fix = rewriteKey(project, op, first.r);
        ctx.report({
          file: op.file,
          span: op.call.key?.span ?? op.call.span,
          messageId: 'drift',
          data: {
            action: op.kind === 'delete' ? 'Invalidation' : 'Cache write',
            what: op.kind === 'delete' ? 'delete' : 'write',
            written: `'${shape}'`,
            read: `'${first.r.shape}'`,
            reason: first.reason!,
          },
          related,
          suggestions: fix ? [fix] : [],
        });
        continue;
      }
      if (op.kind !== 'delete') continue;
      // a delete of a shape nobody uses, for an entity the project does cache under other shapes
      const entity = entityOfShape(shape);
      if (!entity) continue;
      const same = reads.filter((r) => r.op && entityOfShape(r.shape) === entity);
      if (same.length === 0) continue;
      // a stray delete next to one that does clear a read shape of the entity is legacy cleanup
      if (same.some((r) => coveredBySibling(project, op, r.shape))) continue;
      const others = [...new Set(same.map((r) => r.shape))];
      ctx.report({
        file: op.file,
        span: op.call.key?.span ?? op.call.span,
        messageId: 'deadDelete',
        data: { written: `'${shape}'`, entity, others: others.slice(0, 3).map((s) => `'${s}'`).join(', ') },
        related: same.slice(0, 5).map((r) => ({ file: r.file, span: r.span, message: `Read with key '${r.shape}' (${shortPath(r.file)}).` })),
        suggestions: [],
      });
    }
  },
};
