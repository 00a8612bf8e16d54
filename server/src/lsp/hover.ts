// Hover over a cache call: what it does, to which key shape, and every other place in the project
// that reads, writes or deletes that shape, with links. This is the question a reviewer asks before
// trusting a key-drift report ("who else touches `product:v2:{}`?"), answered from the linked index.
import { relative } from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { CacheOp, ProjectIndex } from '../rule';
import { keyInfoOf } from '../model/key-info';
import { fileUri } from './diagnostics';
import { LspText } from './positions';

/** Links listed per kind before "and N more". */
const MAX_LINKS = 8;

export interface HoverContext {
  /** folder root for short link labels */
  root?: string;
  uriOf?(file: string): string;
}

/** The innermost cache op whose call covers `offset` (a nested call's own op wins over the outer one). */
export function opAt(project: ProjectIndex, file: string, offset: number): CacheOp | undefined {
  let best: CacheOp | undefined;
  for (const op of project.files.get(file)?.ops ?? []) {
    const s = op.call.span;
    if (offset < s.start || offset > s.end) continue;
    if (!best || s.end - s.start < best.call.span.end - best.call.span.start) best = op;
  }
  return best;
}

const KIND_LABEL: Record<CacheOp['kind'], string> = {
  read: 'read',
  write: 'write',
  delete: 'delete',
  expire: 'expire',
  other: 'other',
};

export function hoverFor(project: ProjectIndex, file: string, offset: number, ctx: HoverContext = {}): Hover | undefined {
  const op = opAt(project, file, offset);
  const lf = project.files.get(file);
  if (!op || !lf) return undefined;
  const lines = new LspText(lf.text);
  const callee = lf.text.slice(op.call.receiverSpan.start, op.call.methodSpan.end);
  const via = op.wrapper ? ` through \`${op.wrapper}\`` : '';
  const out: string[] = [`**cachelint**: \`${callee}\` is a cache ${KIND_LABEL[op.kind]} (${op.lib}${via})`, ''];
  if (op.kind === 'write') out.push(ttlLine(op), '');
  const shape = op.key?.shape;
  if (!shape || shape === '{}') {
    out.push('Key shape: unknown (the key is built from runtime values only).');
    return result(out, lines, op);
  }
  out.push(`Key shape: \`${shape}\``, '');
  const key = project.model.keyOf(op);
  const info = key && keyInfoOf(project, key);
  if (info) out.push(`Role: ${info.evidence}`, '');
  const same = project.ops.filter((o) => o.key?.shape === shape);
  const short = (f: string) => (ctx.root ? relative(ctx.root, f) : f).split('\\').join('/');
  const texts = new Map<string, LspText>();
  const link = (o: CacheOp): string => {
    let t = texts.get(o.file);
    if (!t) texts.set(o.file, (t = new LspText(project.files.get(o.file)?.text ?? '')));
    const line = t.positionAt(o.call.span.start).line + 1;
    const here = o === op ? ' (this call)' : '';
    return `[${short(o.file)}:${line}](${(ctx.uriOf ?? fileUri)(o.file)}#L${line})${here}`;
  };
  out.push('Across the project, this key shape is:');
  for (const [kind, label] of [
    ['read', 'read'],
    ['write', 'written'],
    ['delete', 'deleted'],
    ['expire', 'given an expiry'],
  ] as const) {
    const list = same.filter((o) => o.kind === kind);
    if (list.length === 0 && kind === 'expire') continue;
    const times = list.length === 1 ? 'once' : `${list.length} times`;
    const links = list.slice(0, MAX_LINKS).map(link);
    const more = list.length > MAX_LINKS ? `, and ${list.length - MAX_LINKS} more` : '';
    out.push(`- ${label} ${times}${links.length ? `: ${links.join(', ')}${more}` : ''}`);
  }
  return result(out, lines, op);
}

function ttlLine(op: CacheOp): string {
  if (op.ttl === true) return 'Expiry: set on this write.';
  if (op.ttl === false) return op.defaultTtl ? "Expiry: the client's default TTL." : 'Expiry: none on this write.';
  return 'Expiry: cannot tell from here.';
}

function result(out: string[], lines: LspText, op: CacheOp): Hover {
  const contents: MarkupContent = { kind: MarkupKind.Markdown, value: out.join('\n') };
  return { contents, range: lines.rangeOf(op.call.span) };
}
