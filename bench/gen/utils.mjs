// Shared helper modules with no cache in them (strings, dates, money, paging, retries, errors,
// config, events, rate limits, URLs, middleware): the bulk of a real backend's files. Each file
// takes a few snippets from one pool, renamed after a domain word so the files differ.
import { Source } from './rng.mjs';

const cap = (s) => s[0].toUpperCase() + s.slice(1);

/** Snippet pools: each snippet is a function of a name suffix returning lines. */
const POOLS = {
  strings: [
    (n) => [`export function slugify${n}(input: string): string {`, `  return input`, `    .normalize('NFKD')`, `    .replace(/[\\u0300-\\u036f]/g, '')`, `    .toLowerCase()`, `    .replace(/[^a-z0-9]+/g, '-')`, `    .replace(/^-+|-+$/g, '');`, `}`],
    (n) => [`export function truncate${n}(input: string, max: number, ellipsis = '…'): string {`, `  if (input.length <= max) return input;`, `  return input.slice(0, Math.max(0, max - ellipsis.length)).trimEnd() + ellipsis;`, `}`],
    (n) => [`export function titleCase${n}(input: string): string {`, `  return input.replace(/\\w\\S*/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase());`, `}`],
    (n) => [`export function maskEmail${n}(email: string): string {`, `  const [user, domain] = email.split('@');`, `  if (!domain) return '***';`, `  return \`\${user.slice(0, 2)}***@\${domain}\`;`, `}`],
    (n) => [`export function initials${n}(name: string): string {`, `  return name`, `    .split(/\\s+/)`, `    .filter(Boolean)`, `    .slice(0, 2)`, `    .map((w) => w[0]!.toUpperCase())`, `    .join('');`, `}`],
  ],
  dates: [
    (n) => [`export function startOfDay${n}(d: Date): Date {`, `  const x = new Date(d);`, `  x.setUTCHours(0, 0, 0, 0);`, `  return x;`, `}`],
    (n) => [`export function addDays${n}(d: Date, days: number): Date {`, `  const x = new Date(d);`, `  x.setUTCDate(x.getUTCDate() + days);`, `  return x;`, `}`],
    (n) => [`export function isWeekend${n}(d: Date): boolean {`, `  const day = d.getUTCDay();`, `  return day === 0 || day === 6;`, `}`],
    (n) => [`export function businessDaysBetween${n}(from: Date, to: Date): number {`, `  let count = 0;`, `  for (let d = new Date(from); d < to; d.setUTCDate(d.getUTCDate() + 1)) {`, `    const day = d.getUTCDay();`, `    if (day !== 0 && day !== 6) count++;`, `  }`, `  return count;`, `}`],
    (n) => [`export function formatIsoDate${n}(d: Date): string {`, `  return d.toISOString().slice(0, 10);`, `}`],
  ],
  money: [
    (n) => [`export function formatCents${n}(cents: number, currency = 'EUR', locale = 'en-GB'): string {`, `  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);`, `}`],
    (n) => [`/** Splits an amount into n parts that differ by at most one cent and sum to the total. */`, `export function allocate${n}(totalCents: number, parts: number): number[] {`, `  const base = Math.floor(totalCents / parts);`, `  const rest = totalCents - base * parts;`, `  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0));`, `}`],
    (n) => [`export function applyDiscount${n}(cents: number, percent: number): number {`, `  if (percent < 0 || percent > 100) throw new RangeError('percent must be between 0 and 100');`, `  return Math.round(cents * (1 - percent / 100));`, `}`],
    (n) => [`export function vatOf${n}(netCents: number, ratePercent: number): number {`, `  return Math.round((netCents * ratePercent) / 100);`, `}`],
  ],
  paging: [
    (n) => [`export interface Page${n}<T> {`, `  items: T[];`, `  page: number;`, `  pageSize: number;`, `  total: number;`, `}`, ``, `export function paginate${n}<T>(items: readonly T[], page: number, pageSize: number): Page${n}<T> {`, `  const start = (page - 1) * pageSize;`, `  return { items: items.slice(start, start + pageSize), page, pageSize, total: items.length };`, `}`],
    (n) => [`export function clampPageSize${n}(raw: unknown, max = 100): number {`, `  const n = Number(raw);`, `  if (!Number.isInteger(n) || n < 1) return 20;`, `  return Math.min(n, max);`, `}`],
    (n) => [`export function encodeCursor${n}(id: string, createdAt: Date): string {`, `  return Buffer.from(\`\${createdAt.toISOString()}|\${id}\`).toString('base64url');`, `}`, ``, `export function decodeCursor${n}(cursor: string): { id: string; createdAt: Date } {`, `  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');`, `  return { id: id ?? '', createdAt: new Date(at ?? 0) };`, `}`],
  ],
  retry: [
    (n) => [`export async function withRetry${n}<T>(fn: () => Promise<T>, attempts = 3, baseMs = 100): Promise<T> {`, `  let last: unknown;`, `  for (let i = 0; i < attempts; i++) {`, `    try {`, `      return await fn();`, `    } catch (e) {`, `      last = e;`, `      await new Promise((r) => setTimeout(r, baseMs * 2 ** i));`, `    }`, `  }`, `  throw last;`, `}`],
    (n) => [`export function jitter${n}(ms: number, ratio = 0.2): number {`, `  const spread = ms * ratio;`, `  return Math.round(ms - spread + ((Date.now() % 1000) / 1000) * 2 * spread);`, `}`],
    (n) => [`export function timeout${n}<T>(p: Promise<T>, ms: number, what = 'operation'): Promise<T> {`, `  return new Promise<T>((resolve, reject) => {`, `    const t = setTimeout(() => reject(new Error(\`\${what} timed out after \${ms} ms\`)), ms);`, `    p.then((v) => { clearTimeout(t); resolve(v); }, (e) => { clearTimeout(t); reject(e); });`, `  });`, `}`],
  ],
  errors: [
    (n) => [`export class DomainError${n} extends Error {`, `  constructor(`, `    message: string,`, `    readonly code: string,`, `    readonly status = 400,`, `  ) {`, `    super(message);`, `    this.name = 'DomainError${n}';`, `  }`, `}`],
    (n) => [`export function isUniqueViolation${n}(e: unknown): boolean {`, `  return typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';`, `}`],
    (n) => [`export function errorMessage${n}(e: unknown): string {`, `  if (e instanceof Error) return e.message;`, `  return typeof e === 'string' ? e : JSON.stringify(e);`, `}`],
  ],
  config: [
    (n) => [`export function requireEnv${n}(name: string): string {`, `  const v = process.env[name];`, `  if (v === undefined || v === '') throw new Error(\`missing environment variable \${name}\`);`, `  return v;`, `}`],
    (n) => [`export function intEnv${n}(name: string, fallback: number): number {`, `  const raw = process.env[name];`, `  if (raw === undefined) return fallback;`, `  const n = Number.parseInt(raw, 10);`, `  return Number.isNaN(n) ? fallback : n;`, `}`],
    (n) => [`export function boolEnv${n}(name: string, fallback = false): boolean {`, `  const raw = process.env[name]?.toLowerCase();`, `  if (raw === undefined) return fallback;`, `  return raw === '1' || raw === 'true' || raw === 'yes';`, `}`],
  ],
  events: [
    (n) => [`type Handler${n}<T> = (payload: T) => void | Promise<void>;`, ``, `export class EventBus${n}<E extends Record<string, unknown>> {`, `  private readonly handlers = new Map<keyof E, Set<Handler${n}<never>>>();`, ``, `  on<K extends keyof E>(event: K, handler: Handler${n}<E[K]>): () => void {`, `    const set = this.handlers.get(event) ?? new Set();`, `    set.add(handler as Handler${n}<never>);`, `    this.handlers.set(event, set);`, `    return () => set.delete(handler as Handler${n}<never>);`, `  }`, ``, `  async emit<K extends keyof E>(event: K, payload: E[K]): Promise<void> {`, `    for (const h of this.handlers.get(event) ?? []) await (h as Handler${n}<E[K]>)(payload);`, `  }`, `}`],
  ],
  limits: [
    (n) => [`/** Fixed-window request counter per client, in process memory. */`, `export class WindowCounter${n} {`, `  private readonly hits = new Map<string, { count: number; resetAt: number }>();`, ``, `  constructor(private readonly limit: number, private readonly windowMs: number) {}`, ``, `  allow(client: string, now = Date.now()): boolean {`, `    const w = this.hits.get(client);`, `    if (!w || w.resetAt <= now) {`, `      this.hits.set(client, { count: 1, resetAt: now + this.windowMs });`, `      return true;`, `    }`, `    w.count++;`, `    return w.count <= this.limit;`, `  }`, `}`],
  ],
  urls: [
    (n) => [`export function withQuery${n}(base: string, params: Record<string, string | number | undefined>): string {`, `  const url = new URL(base);`, `  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));`, `  return url.toString();`, `}`],
    (n) => [`export function joinPath${n}(...parts: string[]): string {`, `  return parts.map((p, i) => (i === 0 ? p.replace(/\\/+$/, '') : p.replace(/^\\/+|\\/+$/g, ''))).join('/');`, `}`],
  ],
  http: [
    (n) => [`import type { NextFunction, Request, Response } from 'express';`, `import { randomUUID } from 'node:crypto';`, ``, `export function requestId${n}(req: Request, res: Response, next: NextFunction): void {`, `  const id = req.header('x-request-id') ?? randomUUID();`, `  res.setHeader('x-request-id', id);`, `  next();`, `}`],
    (n) => [`export function forwardHeaders${n}(incoming: Record<string, string | undefined>): Headers {`, `  const headers = new Headers();`, `  for (const name of ['authorization', 'x-request-id', 'accept-language']) {`, `    const v = incoming[name];`, `    if (v) headers.set(name, v);`, `  }`, `  return headers;`, `}`],
  ],
};

export const UTIL_KINDS = Object.keys(POOLS);

/** One helper module of `kind`, its functions suffixed with `word`. */
export function utilFile(path, kind, word, rng) {
  const s = new Source(path);
  s.add(`// ${cap(kind)} helpers for the ${word} code paths.`);
  const pool = POOLS[kind];
  // mostly its own kind, plus a couple of helpers that drifted in from elsewhere
  const other = POOLS[rng.pick(UTIL_KINDS.filter((k) => k !== kind))];
  const chosen = [...rng.shuffle(pool).slice(0, Math.min(pool.length, rng.int(2, pool.length + 1))), ...rng.shuffle(other).slice(0, rng.int(1, 2))];
  const imports = [];
  const body = [];
  for (const snippet of chosen) {
    const lines = snippet(cap(word));
    for (const l of lines) (l.startsWith('import ') ? imports : body).push(l);
    body.push('');
  }
  body.pop();
  if (imports.length > 0) s.add(...new Set(imports), '');
  s.add(...body);
  return s;
}

/**
 * Helper code of about `lines` lines: every pool, over and over, numbered. Snippets that need
 * imports are skipped unless `imports` is given to collect them.
 */
export function fillerLines(lines, rng, imports) {
  const body = [];
  for (let i = 0; body.length < lines; i++) {
    const kind = UTIL_KINDS[i % UTIL_KINDS.length];
    const snippet = POOLS[kind][Math.floor(i / UTIL_KINDS.length) % POOLS[kind].length];
    const text = snippet(`V${i}`);
    if (!imports && text.some((l) => l.startsWith('import '))) continue;
    for (const l of text) (l.startsWith('import ') ? imports : body).push(l);
    body.push('');
    if (rng.chance(0.05)) body.push(`// ---- ${kind} ----`, '');
  }
  return body;
}

/** A long helper module (~`targetLines` lines). */
export function largeUtilFile(path, targetLines, rng) {
  const s = new Source(path);
  s.add(`// Helpers shared by every area. Long because it grew one helper at a time; nobody split it yet.`);
  const imports = [];
  const body = fillerLines(targetLines - 4, rng, imports);
  if (imports.length > 0) s.add(...new Set(imports), '');
  s.add(...body);
  return s;
}
