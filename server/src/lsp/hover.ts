// Hover over a cache call: what it does, to which key shape, and every other place in the project
// that reads, writes or deletes that shape, with links. This is the question a reviewer asks before
// trusting a key-drift report ("who else touches `product:v2:{}`?"), answered from the linked index.
// Over a finding, the hover first explains its race (report/explain.ts): how this code goes stale.
import { relative } from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import { explanationMarkdown } from '../report/explain';
import { rules } from '../rules/index';
import type { Span } from '../facts/types';
import type { CacheOp, Finding, ProjectIndex } from '../rule';
import { keyInfoOf, opAt } from '../model/key-info';
import { fileUri } from './diagnostics';
import { LspText } from './positions';

/** Links listed per kind before "and N more". */
const MAX_LINKS = 8;

export interface HoverContext {
  /** folder root for short link labels */
  root?: string;
  uriOf?(file: string): string;
}

const KIND_LABEL: Record<CacheOp['kind'], string> = {
  read: 'read',
  write: 'write',
  delete: 'delete',
  expire: 'expire',
  other: 'other',
};

/**
 * The explanations of the findings whose range covers `offset` (the diagnostic's own message shows
 * above them in the editor's hover), with the span they cover together.
 */
export function findingsHover(findings: readonly Finding[], offset: number): { markdown: string; span: Span } | undefined {
  const here = findings.filter((f) => f.span.start <= offset && offset <= f.span.end);
  const parts: string[] = [];
  let span: Span | undefined;
  for (const f of here) {
    const md = f.ruleId ? explanationMarkdown(f, { help: rules[f.ruleId].meta.help }) : undefined;
    if (!md) continue;
    parts.push(`**cachelint** \`${f.ruleId}\`: ${md}`);
    span = span ? { start: Math.min(span.start, f.span.start), end: Math.max(span.end, f.span.end) } : f.span;
  }
  return span ? { markdown: parts.join('\n\n---\n\n'), span } : undefined;
}

export function hoverFor(project: ProjectIndex, file: string, offset: number, ctx: HoverContext & { findings?: readonly Finding[] } = {}): Hover | undefined {
  const lf = project.files.get(file);
  if (!lf) return undefined;
  const explained = ctx.findings ? findingsHover(ctx.findings, offset) : undefined;
  const hover = opHover(project, file, offset, ctx);
  if (!explained) return hover;
  const lines = new LspText(lf.text);
  const value = hover ? `${explained.markdown}\n\n---\n\n${(hover.contents as MarkupContent).value}` : explained.markdown;
  return { contents: { kind: MarkupKind.Markdown, value }, range: hover?.range ?? lines.rangeOf(explained.span) };
}

function opHover(project: ProjectIndex, file: string, offset: number, ctx: HoverContext): Hover | undefined {
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
