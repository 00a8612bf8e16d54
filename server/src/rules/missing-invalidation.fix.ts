// missing-invalidation's suggestion: delete the key right after the write, built as the read path
// builds it (its key builder when this file can call it, else the key's template with the row the
// write names), through a cache client this code already uses.
import { LIBS } from '../facts/cache/client-modules';
import { slotsOf } from '../facts/keys/shapes';
import type { DbWrite } from '../facts/types';
import type { CachedEntity } from '../model/entity-caches';
import type { CacheOp, Fix, LinkedFile, ProjectIndex } from '../rule';

/** An expression for the cache key of the row `w` writes. */
function keyExpr(project: ProjectIndex, file: LinkedFile, w: DbWrite, entry: CachedEntity): string | undefined {
  const shape = entry.key.shape;
  if (!shape) return undefined;
  const slots = slotsOf(shape);
  const esc = (t: string) => t.replace(/[`\\]|\$\{/g, (c) => '\\' + c);
  // Pattern: `products:all` — a list key has no hole to fill
  if (slots.length === 1) return `'${slots[0].replace(/['\\]/g, '\\$&')}'`;
  // Pattern: `sys_dict:${type}` holding dict_data rows — the hole is the owner's, not the written row's
  if (entry.list || slots.length !== 2 || !w.row) return undefined;
  // Pattern: productKey(id) — the read path's builder, when this file imports it from the same module
  const b = entry.fill.call.key?.builder;
  if (b?.ref && b.args.length === 1) {
    const target = project.modules.resolve(entry.fill.file, b.ref.module);
    const imp = target && file.facts.imports.find((i) => i.name === b.ref!.name && project.modules.resolve(file.file, i.module) === target);
    if (imp) return `${imp.local}${b.ref.member?.length ? '.' + b.ref.member.join('.') : ''}(${w.row.text})`;
  }
  if (b?.local && b.args.length === 1 && entry.fill.file === file.file && !b.local.startsWith('this.')) return `${b.local}(${w.row.text})`;
  return '`' + esc(slots[0]) + '${' + w.row.text + '}' + esc(slots[1]) + '`';
}

/** A cache client (or wrapper) call of this file whose receiver the write's function can name too. */
function clientIn(file: LinkedFile, w: DbWrite): { recv: string; del: string; keyOptions?: true } | undefined {
  const cls = file.facts.fns[w.fn - 1]?.className;
  const usable = (op: CacheOp) => {
    if (!op.deleteVia || op.call.pipeline !== undefined) return false;
    const recv = file.text.slice(op.call.receiverSpan.start, op.call.receiverSpan.end);
    if (/^this\.[\w$]+$/.test(recv)) return !!cls && file.facts.fns[op.call.fn - 1]?.className === cls;
    return /^[A-Za-z_$][\w$]*$/.test(recv) && (recv in file.facts.locals || file.facts.imports.some((i) => i.local === recv));
  };
  const op = file.ops.find((o) => (o.kind === 'delete' || o.kind === 'write' || o.kind === 'read') && o.call.receiver.t !== 'fn' && usable(o));
  // (a library whose delete takes an options object is called with one: bentocache's `delete({ key })`)
  return op && { recv: file.text.slice(op.call.receiverSpan.start, op.call.receiverSpan.end), del: op.deleteVia!, ...(!op.via && LIBS[op.lib].keyOptions ? { keyOptions: true as const } : {}) };
}

export function insertInvalidation(project: ProjectIndex, file: LinkedFile, w: DbWrite, entry: CachedEntity): Fix | undefined {
  // an anonymous callback (a `$transaction(async (tx) => …)` body) would delete before the commit
  if (!file.facts.fns[w.fn - 1]?.name) return undefined;
  const lineStart = file.text.lastIndexOf('\n', w.span.start - 1) + 1;
  if (!/\bawait\b/.test(file.text.slice(lineStart, w.span.start))) return undefined;
  const key = keyExpr(project, file, w, entry);
  const client = clientIn(file, w);
  if (!key || !client) return undefined;
  // after a trailing `// comment` of the write's line, which belongs to the write
  let at = w.stmtEnd;
  const nl = file.text.indexOf('\n', at);
  const lineEnd = nl === -1 ? file.text.length : file.text[nl - 1] === '\r' ? nl - 1 : nl;
  if (/^\s*(\/\/.*)?$/.test(file.text.slice(at, lineEnd))) at = lineEnd;
  const eol = file.text[lineEnd] === '\r' ? '\r\n' : '\n';
  return {
    title: `Delete ${key} after the write`,
    kind: 'suggestion',
    edits: [{ start: at, end: at, text: `${eol}${w.indent}await ${client.recv}.${client.del}(${client.keyOptions ? `{ key: ${key} }` : key});` }],
  };
}
