// Raw SQL: what a statement's text does (INSERT/UPDATE/DELETE → write, SELECT → read, and on which
// table), and which calls hand SQL text to a driver (pg, mysql2, postgres, better-sqlite3, Prisma
// raw, Sequelize/TypeORM `query`). The SQL shape itself is the evidence, so the receiver may be
// anything; prose that merely starts with "Update" never has the shape (UPDATE t … SET).
import { ts } from 'ts-morph';
import { bare, calleeText, chainLinks, declOf, moduleOf, type DbEnv, type Hit, type Link } from './common';
import type { FileCtx } from '../context';
import { unwrap } from '../../syntax/scope';
import type { DbWriteKind } from '../types';

/** Stands for a `${…}` hole or a bind parameter inside SQL text. */
const HOLE = '\u0001';

export interface SqlClass {
  kind: DbWriteKind | 'read';
  table?: string;
  label: string;
  /** Hit.columns */
  columns?: string[];
}

interface Tok {
  t: 'w' | 'q' | 'p' | 'h' | 's' | 'n';
  v: string;
}

function tokens(sql: string, max = 600): Tok[] {
  const out: Tok[] = [];
  const n = Math.min(sql.length, 20_000);
  let i = 0;
  while (i < n && out.length < max) {
    const c = sql[i];
    const d = sql[i + 1];
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') i++;
    else if (c === '-' && d === '-') {
      const j = sql.indexOf('\n', i);
      i = j < 0 ? n : j + 1;
    } else if (c === '/' && d === '*') {
      const j = sql.indexOf('*/', i + 2);
      i = j < 0 ? n : j + 2;
    } else if (c === ':' && d === ':') {
      // a Postgres cast (`x::TEXT`), not a `:name` bind parameter
      out.push({ t: 'p', v: '::' });
      i += 2;
    } else if (c === HOLE || c === '?' || (c === '$' && /\d/.test(d ?? '')) || (c === ':' && /[A-Za-z_]/.test(d ?? ''))) {
      out.push({ t: 'h', v: HOLE });
      i++;
      while (i < n && /[\w]/.test(sql[i])) i++;
    } else if (c === '"' || c === '`' || c === '[') {
      const j = sql.indexOf(c === '[' ? ']' : c, i + 1);
      if (j < 0) break;
      out.push({ t: 'q', v: sql.slice(i + 1, j) });
      i = j + 1;
    } else if (c === "'") {
      let j = i + 1;
      while (j < n && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
      out.push({ t: 's', v: '' });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w$]/.test(sql[j])) j++;
      out.push({ t: 'w', v: sql.slice(i, j) });
      i = j;
    } else if (/\d/.test(c)) {
      let j = i + 1;
      while (j < n && /[\d.]/.test(sql[j])) j++;
      out.push({ t: 'n', v: sql.slice(i, j) });
      i = j;
    } else {
      out.push({ t: 'p', v: c });
      i++;
    }
  }
  return out;
}

const kw = (t: Tok | undefined): string => (t && t.t === 'w' ? t.v.toUpperCase() : '');
const NOT_NAMES = new Set(['SET', 'VALUES', 'WHERE', 'SELECT', 'FROM', 'DEFAULT', 'ON', 'USING', 'AS', 'RETURNING', 'INTO', 'TABLE', 'ONLY']);

function matching(ts: Tok[], open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    if (ts[i].v === '(' && ts[i].t === 'p') depth++;
    else if (ts[i].v === ')' && ts[i].t === 'p' && --depth === 0) return i;
  }
  return -1;
}

/** A possibly qualified name at `i` (`"public"."products"`); `table` undefined when it is a hole. */
function qualifiedName(ts: Tok[], i: number, end: number): { ok: boolean; table?: string; next: number } {
  let table: string | undefined;
  let j = i;
  for (;;) {
    const t = ts[j];
    if (!t || j >= end) return { ok: false, next: j };
    if (t.t === 'h') table = undefined;
    else if (t.t === 'q' || (t.t === 'w' && !NOT_NAMES.has(t.v.toUpperCase()))) table = t.v;
    else return { ok: false, next: j };
    j++;
    if (ts[j]?.v !== '.') return { ok: true, table, next: j };
    j++;
  }
}

/** The first depth-0 keyword `word` at or after `i`, or -1. */
function findKw(ts: Tok[], i: number, end: number, word: string): number {
  let depth = 0;
  for (let j = i; j < end; j++) {
    const v = ts[j].v;
    if (ts[j].t === 'p' && v === '(') depth++;
    else if (ts[j].t === 'p' && v === ')') depth--;
    else if (depth === 0 && kw(ts[j]) === word) return j;
  }
  return -1;
}

function skipWords(ts: Tok[], i: number, words: string[]): number {
  while (words.includes(kw(ts[i]))) i++;
  if (kw(ts[i]) === 'OR') i += 2; // INSERT OR REPLACE, UPDATE OR IGNORE (SQLite)
  return i;
}

const label = (head: string, table: string | undefined) => `${head} ${table ?? '…'}`;

function classifyAt(ts: Tok[], i: number, end: number, depth: number): SqlClass | undefined {
  while (i < end && ts[i].t === 'p' && ts[i].v === '(') i++;
  const k = kw(ts[i]);
  if (k === 'WITH') return withClause(ts, i + 1, end, depth);
  if (k === 'INSERT' || k === 'REPLACE' || k === 'UPSERT' || k === 'MERGE') {
    // Pattern: INSERT INTO products (…) VALUES (…) ON CONFLICT … DO UPDATE (still a create)
    const j = skipWords(ts, i + 1, ['LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'IGNORE']);
    if (kw(ts[j]) !== 'INTO') return undefined;
    const q = qualifiedName(ts, j + 1, end);
    if (!q.ok) return undefined;
    const after = ts[q.next];
    if (k === 'INSERT' && after && !(after.v === '(' || ['VALUES', 'SELECT', 'DEFAULT', 'SET', 'AS', 'OVERRIDING', 'WITH'].includes(kw(after)) || after.t === 'h'))
      return undefined;
    return { kind: 'create', table: q.table, label: label(`${k} INTO`, q.table) };
  }
  if (k === 'UPDATE') {
    // Pattern: UPDATE products SET price = $1 WHERE id = $2
    const q = qualifiedName(ts, skipWords(ts, i + 1, ['ONLY', 'LOW_PRIORITY', 'IGNORE']), end);
    const set = !q.ok ? -1 : findKw(ts, q.next, end, 'SET');
    if (set < 0) return undefined;
    const columns = setColumns(ts, set + 1, end);
    return { kind: 'update', table: q.table, label: label('UPDATE', q.table), ...(columns ? { columns } : {}) };
  }
  if (k === 'DELETE') {
    // Pattern: DELETE FROM products WHERE id = $1
    let j = skipWords(ts, i + 1, ['LOW_PRIORITY', 'QUICK', 'IGNORE']);
    if (kw(ts[j]) !== 'FROM') {
      // MySQL multi-table `DELETE p FROM products p JOIN …`: the first name is the target
      const q0 = qualifiedName(ts, j, end);
      if (!q0.ok || kw(ts[q0.next]) !== 'FROM') return undefined;
      return { kind: 'delete', table: q0.table, label: label('DELETE FROM', q0.table) };
    }
    j++;
    if (kw(ts[j]) === 'ONLY') j++;
    const q = qualifiedName(ts, j, end);
    return q.ok ? { kind: 'delete', table: q.table, label: label('DELETE FROM', q.table) } : undefined;
  }
  if (k === 'TRUNCATE') {
    const q = qualifiedName(ts, skipWords(ts, i + 1, ['TABLE', 'ONLY']), end);
    return q.ok ? { kind: 'delete', table: q.table, label: label('TRUNCATE', q.table) } : undefined;
  }
  if (k === 'SELECT') {
    // Pattern: SELECT * FROM products WHERE id = $1
    const f = findKw(ts, i + 1, end, 'FROM');
    if (f < 0) return { kind: 'read', label: 'SELECT' };
    const q = qualifiedName(ts, kw(ts[f + 1]) === 'ONLY' ? f + 2 : f + 1, end);
    // the names the whole statement reads (its WHERE too: a row filtered on a column is changed by a write of it)
    const columns = selectNames(ts, i + 1, f, end);
    return { kind: 'read', table: q.ok ? q.table : undefined, label: label('SELECT … FROM', q.ok ? q.table : undefined), ...(columns ? { columns } : {}) };
  }
  return undefined;
}

/**
 * Every name a SELECT reads but its aliases (`t.metadata ->> 'imageUrl' AS "image"` reads
 * `metadata`), its filters included: the columns a value built from the rows depends on, give or
 * take a keyword or a table name. Undefined for `*` (or any product) and for a list built at run time.
 */
function selectNames(ts: Tok[], from: number, fromKw: number, to: number): string[] | undefined {
  const out = new Set<string>();
  for (let j = from; j < to; j++) {
    const t = ts[j];
    // the list itself must be spelled out: `*` or a list built at run time reads anything
    if (j < fromKw && (t.t === 'h' || (t.t === 'p' && t.v === '*'))) return undefined;
    if ((t.t === 'w' || t.t === 'q') && kw(t) !== 'AS' && kw(ts[j - 1]) !== 'AS') out.add(t.v.toLowerCase());
  }
  return out.size > 0 ? [...out] : undefined;
}

/**
 * The columns `SET a = …, t.b = …` assigns, up to the WHERE (or FROM, RETURNING); undefined when an
 * assignment is built at run time (`SET ${fields}`) or assigns a row (`SET (a, b) = …`).
 */
function setColumns(ts: Tok[], from: number, end: number): string[] | undefined {
  const out = new Set<string>();
  let depth = 0;
  let itemStart = true;
  let last: string | undefined;
  for (let j = from; j < end; j++) {
    const t = ts[j];
    if (t.t === 'p' && t.v === '(') {
      if (itemStart) return undefined;
      depth++;
    } else if (t.t === 'p' && t.v === ')') depth--;
    if (depth > 0) continue;
    const k = kw(t);
    if (k === 'WHERE' || k === 'FROM' || k === 'RETURNING' || k === 'ON') break;
    if (itemStart) {
      if (t.t === 'h') return undefined;
      if (t.t === 'w' || t.t === 'q') last = t.v;
      else if (!(t.t === 'p' && t.v === '.')) return undefined;
      if (ts[j + 1]?.t === 'p' && ts[j + 1].v === '=') {
        if (!last) return undefined;
        out.add(last.toLowerCase());
        itemStart = false;
        j++;
      }
    } else if (t.t === 'p' && t.v === ',') {
      itemStart = true;
      last = undefined;
    }
  }
  return out.size > 0 && itemStart === false ? [...out] : undefined;
}

// Pattern: WITH moved AS (DELETE FROM carts WHERE … RETURNING *) INSERT INTO orders SELECT * FROM moved
function withClause(ts: Tok[], i: number, end: number, depth: number): SqlClass | undefined {
  if (depth > 3) return undefined;
  if (kw(ts[i]) === 'RECURSIVE') i++;
  let cteWrite: SqlClass | undefined;
  for (;;) {
    if (!ts[i] || (ts[i].t !== 'w' && ts[i].t !== 'q')) return undefined;
    i++;
    if (ts[i]?.v === '(') {
      const c = matching(ts, i, end);
      if (c < 0) return undefined;
      i = c + 1;
    }
    if (kw(ts[i]) !== 'AS') return undefined;
    i++;
    if (kw(ts[i]) === 'NOT') i++;
    if (kw(ts[i]) === 'MATERIALIZED') i++;
    if (ts[i]?.v !== '(') return undefined;
    const close = matching(ts, i, end);
    if (close < 0) return undefined;
    const inner = classifyAt(ts, i + 1, close, depth + 1);
    if (inner && inner.kind !== 'read') cteWrite ??= inner;
    i = close + 1;
    if (ts[i]?.v !== ',') break;
    i++;
  }
  const main = classifyAt(ts, i, end, depth + 1);
  if (main && main.kind !== 'read') return main;
  return cteWrite ?? main;
}

/** What a SQL statement does, from its text (`\u0001` marks holes). Undefined when not DML/SELECT. */
export function classifySql(sql: string): SqlClass | undefined {
  const ts = tokens(sql);
  return classifyAt(ts, 0, ts.length, 0);
}

function templateText(t: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(t)) return t.text;
  return t.head.text + t.templateSpans.map((s) => HOLE + s.literal.text).join('');
}

/** The SQL text an argument carries: literals, templates, `{ text }`/`{ sql }`, `'a' + b`, a local const. */
export function sqlTextOf(e0: ts.Expression | undefined, ctx: FileCtx, depth = 0): string | undefined {
  if (!e0 || depth > 3) return undefined;
  const e = unwrap(e0);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isTemplateExpression(e)) return templateText(e);
  if (ts.isTaggedTemplateExpression(e)) return templateText(e.template);
  if (ts.isObjectLiteralExpression(e)) {
    for (const p of e.properties)
      if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && (p.name.text === 'text' || p.name.text === 'sql' || p.name.text === 'query'))
        return sqlTextOf(p.initializer, ctx, depth + 1);
    return undefined;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = sqlTextOf(e.left, ctx, depth + 1);
    return left === undefined ? undefined : left + (sqlTextOf(e.right, ctx, depth + 1) ?? HOLE);
  }
  if (ts.isIdentifier(e)) {
    const d = declOf(e, ctx);
    if (d?.t === 'var' && d.node.initializer && ts.getCombinedNodeFlags(d.node) & ts.NodeFlags.Const) return sqlTextOf(d.node.initializer, ctx, depth + 1);
  }
  return undefined;
}

// Methods that execute the SQL text passed as their first argument. The text must have the shape
// of a statement (classifySql), so a method name shared with other APIs (`write`, `select`,
// `command`) only counts when it is handed SQL.
const EXEC = new Set([
  'query', 'execute', 'exec', 'run', 'all', 'get', 'none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result', 'multi',
  'unsafe', 'raw', 'executeQuery', '$executeRaw', '$executeRawUnsafe', '$queryRaw', '$queryRawUnsafe',
  // slonik; deno-postgres; mssql's request.batch; @clickhouse/client's command({ query })
  'maybeOne', 'oneFirst', 'maybeOneFirst', 'anyFirst', 'manyFirst', 'queryObject', 'queryArray', 'batch', 'command',
  // query executors of projects and small drivers: qx.select(sql), db.write(sql, params), nativeQuery(sql)
  'select', 'selectOne', 'selectOneOrNone', 'selectMany', 'write', 'nativeQuery',
]);
// better-sqlite3 / node:sqlite statements returned by `prepare(sql)`
const STMT_RUN = new Set(['run', 'all', 'get', 'iterate', 'execute']);
// SQL tags that build fragments rather than run them: their text is classified by the call they are passed to
const FRAGMENT_TAG_MODULES = /^(drizzle-orm|kysely|slonik|@prisma\/client|sql-template-strings|sql-template-tag)/;

function prepareText(recv: ts.Expression | undefined, ctx: FileCtx): string | undefined {
  if (!recv) return undefined;
  const r = bare(recv);
  let init: ts.Expression | undefined = r;
  if (ts.isIdentifier(r)) {
    const d = declOf(r, ctx);
    init = d?.t === 'var' ? d.node.initializer && unwrap(d.node.initializer) : undefined;
  }
  if (!init || !ts.isCallExpression(init)) return undefined;
  const ls = chainLinks(init);
  const last = ls[ls.length - 1];
  return last?.name === 'prepare' ? sqlTextOf(last.args[0], ctx) : undefined;
}

/** A link that runs raw SQL: `pool.query('UPDATE …')`, sql`INSERT …`, `db.prepare('…').run()`. */
export function rawSqlHit(env: DbEnv, links: Link[], i: number): Hit | undefined {
  const l = links[i];
  const name = l.name;
  if (!name) return undefined;
  let text: string | undefined;
  if (ts.isTaggedTemplateExpression(l.node)) {
    // Pattern: await sql`UPDATE products SET price = ${p} WHERE id = ${id}` (postgres, @vercel/postgres)
    // Pattern: await prisma.$executeRaw`DELETE FROM "Product" WHERE id = ${id}`
    let c: ts.Node = l.node;
    while (c.parent && (ts.isParenthesizedExpression(c.parent) || ts.isAsExpression(c.parent) || ts.isSatisfiesExpression(c.parent) || ts.isNonNullExpression(c.parent))) c = c.parent;
    if (c.parent && ts.isCallExpression(c.parent) && c.parent.arguments.includes(c as ts.Expression)) return undefined;
    if (!l.recv && FRAGMENT_TAG_MODULES.test(moduleOf(l.node.tag, env.ctx) ?? '')) return undefined;
    if (l.recv && ts.isIdentifier(bare(l.recv)) && (bare(l.recv) as ts.Identifier).text === 'Prisma') return undefined;
    text = templateText(l.node.template);
  } else {
    if (!EXEC.has(name) && name !== 'prepare') return undefined;
    // Pattern: db.prepare('INSERT INTO products …').run(p) — the statement runs at `.run`
    if (name === 'prepare' && !links.slice(i + 1).some((x) => x.name && STMT_RUN.has(x.name))) return undefined;
    // Pattern: const stmt = db.prepare('DELETE FROM products WHERE id = ?'); stmt.run(id)
    text = (STMT_RUN.has(name) ? prepareText(l.recv, env.ctx) : undefined) ?? sqlTextOf(l.args[0], env.ctx);
  }
  const c = text === undefined ? undefined : classifySql(text);
  if (c) return { kind: c.kind, entity: c.table, via: 'sql', label: c.label, ...(c.columns ? { columns: c.columns } : {}) };
  // Pattern: prisma.$executeRawUnsafe(statement) — executeRaw only runs statements that change data
  if (name === '$executeRaw' || name === '$executeRawUnsafe') return { kind: 'update', via: 'sql', label: calleeText(l) };
  return undefined;
}
