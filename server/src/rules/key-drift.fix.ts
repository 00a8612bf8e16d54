// key-drift's suggestion: rewrite the drifting key to the read shape, calling the key builder the
// reads call when this file can name it, else as a template literal with the key's own values.
import type { FileFacts, KeyPart, Span } from '../facts/types';
import type { CacheOp, Fix, ProjectIndex } from '../rule';
import { shapeOf, slotsOf } from '../facts/keys/shapes';

export interface ReadSite {
  file: string;
  span: Span;
  shape: string;
  op?: CacheOp;
}

/**
 * Rewrites the drifting key of `op` to the shape of `read`, with the op's own values in its holes;
 * `order` picks, for each hole of the read, the op's hole that holds the same part (a swap).
 */
export function rewriteKey(project: ProjectIndex, op: CacheOp, read: ReadSite, order?: readonly number[]): Fix | undefined {
  if (!op.call.key || !op.key?.shape) return undefined;
  // a client keyPrefix is part of the shapes but not of the key text: no safe rewrite across it
  if (op.keyPrefix || read.op?.keyPrefix) return undefined;
  // nor through a wrapper that adds text to the caller's key (its own prefix, or one set in its
  // constructor): the call's key is then only part of the key
  if (op.via) {
    const inner = project.files.get(op.via.file)?.facts.calls[op.via.callId]?.key?.parts;
    if (!inner || inner.length !== 1 || !('hole' in inner[0])) return undefined;
  }
  const own = valuesOf(op);
  if (!own || (order && order.some((i) => own[i] === undefined))) return undefined;
  const values = order ? order.map((i) => own[i]) : own;
  const builder = order ? undefined : builderCall(project, op, read, values);
  if (builder) return fixWith(op, builder);
  const slots = slotsOf(read.shape);
  if (slots.length - 1 !== values.length) return undefined;
  let text = '`';
  slots.forEach((lit, i) => {
    text += lit.replace(/[`\\$]/g, (c) => '\\' + c);
    if (i < values.length) text += '${' + values[i] + '}';
  });
  return fixWith(op, text + '`');
}

function fixWith(op: CacheOp, text: string): Fix {
  const key = op.call.key!;
  return { title: `Use the key the reads use: ${text}`, kind: 'suggestion', edits: [{ start: key.span.start, end: key.span.end, text }] };
}

/**
 * The source text of each hole of the op's key, in order. When the key is written in place
 * (`` `product:${id}` ``, `'product:' + id`) the expressions as written, so a fix keeps `id` rather
 * than what the linker inlined for it (`req.params.id`); else the holes the linker found.
 */
function valuesOf(op: CacheOp): string[] | undefined {
  const shape = op.key!.shape!;
  const want = slotsOf(shape).length - 1;
  const pieces = op.call.key!.written;
  if (pieces) {
    const exprs = pieces.flatMap((p) => ('hole' in p ? [p.hole] : []));
    if (exprs.length === want && shapeOfPieces(pieces) === shape) return exprs;
  }
  const holes = op.key!.parts.flatMap((p) => ('hole' in p ? [p.hole] : []));
  return holes.length === want ? holes : undefined;
}

function shapeOfPieces(pieces: KeyPart[]): string | undefined {
  return shapeOf(pieces);
}

/**
 * `productKey(id)` / `CacheKeys.product(id)` when the read calls a builder that the op's file can
 * name: a top-level builder of the same file (or `this.key()` within the same class), or one the
 * file imports from the same module. The builder's arguments are matched to the read key's holes,
 * so `(tenant, id)` builders whose template puts `id` first still get each value in its place.
 */
function builderCall(project: ProjectIndex, op: CacheOp, read: ReadSite, values: string[]): string | undefined {
  const b = read.op?.call.key?.builder;
  const readHoles = read.op?.key?.parts.flatMap((p: KeyPart) => ('hole' in p ? [p.hole.trim()] : []));
  if (!b || !readHoles || readHoles.length !== values.length || b.args.length !== values.length) return undefined;
  const passed: string[] = [];
  const used = new Set<number>();
  for (const raw of b.args) {
    const arg = raw.trim();
    // Pattern: the builder's hole is the argument itself (`${id}`) or an expression of it (`${city.toLowerCase()}`)
    const i = readHoles.findIndex((h, k) => !used.has(k) && (h === arg || (h.startsWith(arg) && /^[.[(]/.test(h.slice(arg.length)))));
    if (i < 0) return undefined;
    used.add(i);
    const suffix = readHoles[i].slice(arg.length);
    // the op's value must carry the same expression around its own argument (`name.toLowerCase()`)
    if (!values[i].endsWith(suffix) || values[i].length === suffix.length) return undefined;
    passed.push(values[i].slice(0, values[i].length - suffix.length));
  }
  const argText = passed.join(', ');
  const facts = project.files.get(op.file)?.facts;
  if (!facts) return undefined;
  if (b.local && read.file === op.file && visibleLocal(facts, b.local, op, read.op!)) return `${b.local}(${argText})`;
  if (b.ref) {
    const modules = project.modules;
    const target = modules.resolve(read.file, b.ref.module);
    const imp = target && facts.imports.find((i) => i.name === b.ref!.name && modules.resolve(op.file, i.module) === target);
    if (imp) return `${imp.local}${b.ref.member?.length ? '.' + b.ref.member.join('.') : ''}(${argText})`;
  }
  return undefined;
}

/** A builder named by a top-level binding of the file, or `this.x` inside the same class. */
function visibleLocal(facts: FileFacts, local: string, op: CacheOp, readOp: CacheOp): boolean {
  const head = local.split('.')[0];
  if (head === 'this') {
    const cls = (o: CacheOp) => facts.fns[o.call.fn - 1]?.className;
    return !!cls(op) && cls(op) === cls(readOp);
  }
  return /^[A-Za-z_$][\w$]*$/.test(head) && head in facts.locals;
}
