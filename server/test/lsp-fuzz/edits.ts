// Seeded random edits for the language-server fuzz: what a user does to a backend file in an
// editor (typing cache code half-way, pasting, deleting, undoing) and what no user means to do
// (pasting binary garbage, 5,000 unclosed brackets, select-all + delete). Deterministic for a seed,
// so a failure replays exactly.

/** mulberry32: tiny, fast and good enough to drive a fuzzer; the same seed gives the same run. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export type EditKind = 'snippet' | 'type' | 'statement' | 'block' | 'delete' | 'garbage' | 'deep' | 'wipe' | 'undo';

/** A replacement of [start, end) of the current text (UTF-16 offsets, as LSP counts). */
export interface Edit {
  kind: EditKind;
  start: number;
  end: number;
  text: string;
}

/** Cache code, keys, DB writes and half-typed fragments, as they appear mid-typing. */
export const SNIPPETS: readonly string[] = [
  'await redis.set(k, v);',
  "await redis.set(`user:${id}`, JSON.stringify(user));",
  "await redis.set(`product:v2:${id}`, view, 'EX', 300);",
  'await redis.del(`product:${id}`);',
  'await this.cache.set(CacheKeys.product(id), view);',
  'await this.cache.del(CacheKeys.product(id));',
  'const cached = await this.cache.get(CacheKeys.user(id));',
  'await this.prisma.product.update({ where: { id }, data: dto });',
  'await this.prisma.user.create({ data: dto });',
  "await redis.set(`user:${id}`, '__NOT_FOUND__', 'EX', 60);",
  'const key = `order:${orderId}:items`;',
  "'user:v2:'",
  '`user:${',
  'await redis.se',
  'redis.get(',
  'this.cache.',
  'CacheKeys.',
  "'EX', ",
  '// cachelint-disable-next-line missing-ttl\n',
  '/* cachelint-disable key-drift */\n',
  '// cachelint-disable-line set-after-commit',
  'async function f(',
  'if (!row) {',
  'return null;',
  '\n',
  '\r\n',
  '\n\n  ',
  ';',
  '}',
  '{',
  ')',
  '=> ',
  'import { redis } from ',
];

const UNICODE: readonly string[] = [
  'é', 'ß', '中文', '😀', '𝒳', '\u2028', '\u2029', '\u200b', '\u0301', '\u202e', 'İ', 'ﬀ', '\t', '\r', '\r\n', '\u00a0', '\\u{1F600}',
];
const BRACKETS = '{}[]()`\'"/*<>';

/**
 * A self-contained top-level block with its own client: inserted at offset 0 it is valid code in
 * a valid file, so the final comparison sees real findings (missing-ttl, set-after-commit, drift).
 */
function block(rng: Rng, n: number): string {
  const id = `Fz${n}`;
  const body = rng.pick([
    `  await fz${n}.set(\`fz:user:\${id}\`, v);`,
    `  await prisma${n}.user.update({ where: { id }, data: { v } });\n  await fz${n}.set(\`fz:user:\${id}\`, v, 'EX', 60);`,
    `  return fz${n}.get(\`fz:user:v2:\${id}\`);`,
    `  await fz${n}.del(\`fz:user:\${id}\`);`,
  ]);
  return [
    `import ${id} from 'ioredis';`,
    `import { PrismaClient as P${n} } from '@prisma/client';`,
    `const fz${n} = new ${id}();`,
    `const prisma${n} = new P${n}();`,
    `export async function fzOp${n}(id: string, v: string) {`,
    body,
    '}',
    '',
  ].join('\n');
}

/** Random bytes (NUL included), unicode (astral, line separators, combining marks) or unbalanced brackets. */
export function garbage(rng: Rng): string {
  const n = 1 + rng.int(40);
  let s = '';
  switch (rng.int(3)) {
    case 0:
      for (let i = 0; i < n; i++) s += String.fromCharCode(rng.int(256));
      return s;
    case 1:
      for (let i = 0; i < n; i++) s += rng.pick(UNICODE);
      return s;
    default:
      for (let i = 0; i < n; i++) s += BRACKETS[rng.int(BRACKETS.length)];
      return s;
  }
}

/** A uniformly random offset, snapped to a line start a third of the time. */
function offset(rng: Rng, text: string): number {
  const o = rng.int(text.length + 1);
  if (!rng.chance(1 / 3)) return o;
  const nl = text.lastIndexOf('\n', o - 1);
  return nl + 1;
}

/** The smallest single replacement turning `from` into `to` (what an editor's undo sends). */
export function diffEdit(from: string, to: string): { start: number; end: number; text: string } {
  let p = 0;
  const max = Math.min(from.length, to.length);
  while (p < max && from.charCodeAt(p) === to.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && from.charCodeAt(from.length - 1 - s) === to.charCodeAt(to.length - 1 - s)) s++;
  return { start: p, end: from.length - s, text: to.slice(p, to.length - s) };
}

/**
 * The next edits for a document holding `text`: one edit, or a run of one-character insertions
 * (typing). Each edit applies to the text left by the previous one. `history` holds earlier texts
 * of the document (the original first) to undo to.
 */
export function nextEdits(rng: Rng, text: string, history: readonly string[]): Edit[] {
  const r = rng.next();
  if (r < 0.23) {
    const at = offset(rng, text);
    return [{ kind: 'snippet', start: at, end: at, text: rng.pick(SNIPPETS) }];
  }
  if (r < 0.33) {
    // typing: a prefix of a snippet, one keystroke per change
    const word = rng.pick(SNIPPETS).slice(0, 1 + rng.int(15));
    const at = offset(rng, text);
    return [...word].map((ch, i) => ({ kind: 'type', start: at + prefixLength(word, i), end: at + prefixLength(word, i), text: ch }));
  }
  if (r < 0.43) {
    const at = statementStart(rng, text);
    return [{ kind: 'statement', start: at, end: at, text: `    ${rng.pick(STATEMENTS)}\n` }];
  }
  if (r < 0.5) return [{ kind: 'block', start: 0, end: 0, text: block(rng, rng.int(1_000_000)) }];
  if (r < 0.65) {
    const start = offset(rng, text);
    const len = rng.chance(0.2) ? 200 + rng.int(800) : 1 + rng.int(40);
    return [{ kind: 'delete', start, end: Math.min(text.length, start + len), text: '' }];
  }
  if (r < 0.73) {
    const at = offset(rng, text);
    const replace = rng.chance(0.3) ? rng.int(20) : 0;
    return [{ kind: 'garbage', start: at, end: Math.min(text.length, at + replace), text: garbage(rng) }];
  }
  if (r < 0.733) {
    const at = offset(rng, text);
    return [{ kind: 'deep', start: at, end: at, text: '['.repeat(5000) }];
  }
  if (r < 0.75) return [{ kind: 'wipe', start: 0, end: text.length, text: '' }];
  // undo: back to the original half of the time, else to an earlier state
  const target = rng.chance(0.5) ? history[0] : rng.pick(history);
  return [{ kind: 'undo', ...diffEdit(text, target) }];
}

/** Whole statements, for the start of a line inside a function body. */
const STATEMENTS: readonly string[] = [
  'await redis.set(`user:${id}`, JSON.stringify(id));',
  "await redis.set(`product:v2:${id}`, JSON.stringify(id), 'EX', 300);",
  'await redis.del(`product:${id}`);',
  'await redis.del(`user:v1:${id}`);',
  'await this.cache.del(CacheKeys.product(id));',
  'const again = await redis.get(`product:v2:${id}`);',
];

/**
 * The start of a line that follows a line ending in `{` or `;` and is itself indented: most often
 * a statement position in a function body, where a whole statement keeps the file parsing.
 */
function statementStart(rng: Rng, text: string): number {
  const starts: number[] = [];
  const re = /[{;][ \t]*\r?\n(?=[ \t]+\S)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts.length > 0 ? rng.pick(starts) : offset(rng, text);
}

/** UTF-16 length of the first `i` code points of `word` (typing an emoji is one keystroke, two units). */
function prefixLength(word: string, i: number): number {
  return [...word].slice(0, i).join('').length;
}
