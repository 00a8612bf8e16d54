// Database writes and reads, recognised during the single walk. Each call chain is looked at once,
// from its outermost call: builder chains (Knex, Drizzle, Kysely, TypeORM query builder…) first,
// then each link for raw SQL and method-call ORMs (Prisma, TypeORM, Sequelize, Mongoose, MikroORM).
// A write is only ever used next to a recognised cache call, which is why shape-based recall is
// acceptable for receivers whose binding this file cannot see; look-alikes (Map.delete, res.set,
// element.remove()) must still never match. See db-builders.ts, db-orm.ts and db-sql.ts.
import { mongoReadColumns } from './mongo-columns';
import { prismaIncludes, prismaReadColumns } from './prisma-columns';
import { typeormReadColumns } from './typeorm-columns';
import { oldestRowOf, rankOf, sqlRanksRows } from './ranked-reads';
import { countsRows, sqlCountsRows } from './counted-reads';
import { boundFields, pinnedFields } from './filter-fields';
import { ts } from 'ts-morph';
import type { VisitorMap } from '../../syntax/walk';
import type { FileCtx } from '../context';
import { builderHit } from './query-builders';
import { isNullish } from '../../syntax/local-values';
import { bare, chainLinks, isInnerLink, type DbEnv, type Hit, type Link } from './common';
import { methodOfLabel } from './labels';
import { ormHit } from './orm';
import { writtenRow } from './write-rows';
import { rawSqlHit } from './sql';
import { normaliseEntity } from '../keys/entities';
import { declarationOf, enclosingFunction, enclosingStatement, indentAt, mentionsName, propertyNameText, unwrap } from '../../syntax/scope';
import type { DbRead, DbWrite } from '../types';

type Chain = ts.CallExpression | ts.TaggedTemplateExpression;

// `.then(cb)` / `.catch(cb)` end the database part of a chain: the write is the call before them
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

interface Found {
  /** the outermost call of the database part of the chain */
  top: Chain;
  hit: Hit;
  links: Link[];
}

function recogniseChain(env: DbEnv, node: Chain): Found | undefined {
  let links: Link[] = chainLinks(node);
  const cut = links.findIndex((l, i) => i > 0 && l.name !== undefined && PROMISE_METHODS.has(l.name));
  if (cut > 0) links = links.slice(0, cut);
  if (links.length === 0) return undefined;
  const top = links[links.length - 1].node;
  const b = builderHit(env, links);
  // Pattern: knex('scores').orderBy('points', 'desc').limit(5) / db.select().from(t).orderBy(desc(t.score)).limit(5)
  if (b) return { top, hit: withAggregate(b, links, 0, top, env), links };
  for (let i = 0; i < links.length; i++) {
    let h = rawSqlHit(env, links, i) ?? ormHit(env, links, i);
    if (h?.kind === 'read' && (h.via === 'mongoose' || h.via === 'mongodb') && !h.columns) {
      const columns = mongoReadColumns(links, i, env.ctx);
      if (columns) h = { ...h, columns };
    }
    if (h?.kind === 'read' && (h.via === 'prisma' || h.via === 'typeorm') && !h.columns) {
      const columns = h.via === 'prisma' ? prismaReadColumns(links[i], env.ctx) : typeormReadColumns(links[i], env.ctx);
      if (columns) h = { ...h, columns };
    }
    // Pattern: Order.find({ paymentStatus: 'Paid' }) / Order.deleteMany({ paymentStatus: 'pending' })
    if (h && (h.via === 'mongoose' || h.via === 'mongodb' || h.via === 'prisma' || (h.via === 'typeorm' && h.kind !== 'create'))) {
      const filter = filterOf(links[i], h.via);
      const pins = pinnedFields(filter, env.ctx);
      if (pins) h = { ...h, pins };
      // Pattern: prisma.sysDictData.findMany({ where: { dictType } }) — the rows of one dict type
      const by = h.kind === 'read' ? boundFields(filter, env.ctx) : undefined;
      if (by) h = { ...h, by };
      // Pattern: prisma.hotel.findMany({ include: { Room: { include: { RoomsUsers: true } } } })
      const includes = h.kind === 'read' && h.via === 'prisma' ? prismaIncludes(links[i]) : undefined;
      if (includes) h = { ...h, includes };
    }
    if (h) return { top, hit: withAggregate(h, links, i, top, env), links };
  }
  return undefined;
}

/** The filter of a Mongo call (its first argument) or a Prisma call (`where` of its first argument). */
function filterOf(l: Link, via: string): ts.Expression | undefined {
  const a = l.args[0] && unwrap(l.args[0]);
  if (!a) return undefined;
  // Pattern: repo.exists({ where: { status } }) / repo.findOneBy({ status }) — TypeORM's options or bare filter
  if (via === 'typeorm' && l.name?.endsWith('By')) return a;
  if (via !== 'prisma' && via !== 'typeorm') return a;
  const where = ts.isObjectLiteralExpression(a) ? a.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyNameText(p.name) === 'where') : undefined;
  return where?.initializer;
}

/** A read whose result ranks rows or counts them (Hit.aggregate). */
function withAggregate(h: Hit, links: readonly Link[], i: number, top: ts.Node, env: DbEnv): Hit {
  if (h.kind !== 'read') return h;
  const sql = h.via === 'sql' ? top.getText(env.ctx.sf) : undefined;
  const rank = sql !== undefined ? (sqlRanksRows(sql) ? 'ranked' : undefined) : oldestRowOf(links, i, h.via) ? 'oldest' : rankOf(links, i, h.via);
  if (rank) return { ...h, aggregate: rank };
  if (sql !== undefined ? sqlCountsRows(sql) : countsRows(links, i)) return { ...h, aggregate: 'count' };
  return h;
}

/**
 * Whether the write's function returns what the write returned: `return users.findOneAndUpdate(…)`,
 * or `const result = await …; return result` (also `result.value`).
 */
function returnsWritten(top: ts.Node, resultVar: string | undefined): boolean {
  const c = awaitedForm(top);
  if (c.parent && (ts.isReturnStatement(c.parent) || (ts.isArrowFunction(c.parent) && c.parent.body === c))) return true;
  // the outermost function: a write in a transaction callback is returned by the function around it
  let fn = enclosingFunction(top);
  for (let up = fn && enclosingFunction(fn); up; up = enclosingFunction(up)) fn = up;
  if (!fn?.body) return false;
  // Pattern: setShortcuts(userId, shortcuts) { await repo.upsert({ user, shortcuts }); return shortcuts } — the data it wrote
  const written = new Set(fn.parameters.flatMap((p) => (ts.isIdentifier(p.name) && mentionsName(top, p.name.text) ? [p.name.text] : [])));
  if (resultVar) written.add(resultVar);
  if (written.size === 0) return false;
  // a return of the write itself, inside a callback (`(t) => t.repo.upsert(…)`), is the callback's
  // (a return in another callback, `rows.map((x) => { return x })`, is that callback's)
  const around = (n: ts.Node) => n.pos <= top.pos && top.end <= n.end;
  return returnedRoots(fn).some((r) => written.has(r.name) && !around(r.at) && (r.owner === fn || around(r.owner)));
}

/** The names the returns of a function (and of the callbacks in it) return, or a member of: `return result.value` → `result`. */
interface ReturnedRoot {
  name: string;
  at: ts.Node;
  /** the function the return belongs to */
  owner: ts.Node;
}

const returnedRootsMemo = new WeakMap<ts.Node, ReturnedRoot[]>();

function returnedRoots(fn: ts.SignatureDeclaration & { body?: ts.Node }): ReturnedRoot[] {
  let out = returnedRootsMemo.get(fn);
  if (out) return out;
  out = [];
  const found = out;
  const visit = (n: ts.Node, owner: ts.Node): void => {
    if (ts.isReturnStatement(n) && n.expression) {
      let e = unwrap(n.expression);
      while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = unwrap(e.expression);
      if (ts.isIdentifier(e)) found.push({ name: e.text, at: n, owner });
    }
    ts.forEachChild(n, (c) => visit(c, ts.isFunctionLike(c) ? c : owner));
  };
  if (fn.body) visit(fn.body, fn);
  returnedRootsMemo.set(fn, out);
  return out;
}

/** The call with what only awaits or retypes it around it: `(await x) as T` for `x`. */
function awaitedForm(top: ts.Node): ts.Node {
  let c = top;
  while (c.parent && (ts.isAwaitExpression(c.parent) || ts.isParenthesizedExpression(c.parent) || ts.isAsExpression(c.parent) || ts.isNonNullExpression(c.parent) || ts.isSatisfiesExpression(c.parent))) c = c.parent;
  return c;
}

/** `const p = await prisma.product.create(…)` → `p`; `p = await …` → `p`. Destructuring → none. */
function resultVarOf(top: ts.Node): string | undefined {
  const c = awaitedForm(top);
  const p = c.parent;
  if (!p) return undefined;
  if (ts.isVariableDeclaration(p) && p.initializer === c && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isBinaryExpression(p) && p.right === c && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(p.left)) return p.left.text;
  return undefined;
}

/** A soft-delete column set back to null: `"deletedAt" = NULL` in SQL, `deleted_at: null` in ORM data. */
const UNDELETE = /\b["'`]?(?:deleted|removed|trashed)_?(?:at|on|date|time)["'`]?\s*(?:=\s*NULL\b|:\s*null\b)/i;

/** Pattern: repo.restore(id) / Model.restore({ where }) / UPDATE repositories SET "deletedAt" = NULL … (`head`: the call's text) */
function restoresRows(label: string, head: string): boolean {
  return /(^|\.)(restore|recover)$/.test(label) || UNDELETE.test(head);
}

/** Prisma data whose every field is `{ increment: n }` / `{ decrement: n }`. */
const PRISMA_BUMP = /\bdata\s*:\s*\{(?:\s*\w+\s*:\s*\{\s*(?:increment|decrement)\s*:\s*[^{}]+\}\s*,?)+\s*\}/;

/**
 * A Prisma upsert whose update only adds to counters: `update: { [field]: { increment: 1 }, …(…) }`
 * (a computed field and a spread of more increments count too).
 */
const PRISMA_UPSERT_BUMP = /\bupdate\s*:\s*\{(?:\s*(?:\w+|\[\w+\])\s*:\s*\{\s*(?:increment|decrement)\s*:\s*[^{}]+\}\s*,?)+\s*(?:\}|\.\.\.\s*\(?\s*\w+\s*\?\s*\{(?:\s*(?:\w+|\[\w+\])\s*:\s*\{\s*(?:increment|decrement)\s*:\s*[^{}]+\}\s*,?)+\s*\}\s*:\s*\{\s*\}\s*\)?\s*,?\s*\})/;

/**
 * Pattern: repo.save({ ...template, id: undefined }) — a copy saved without its id is a new row (a
 * duplicate), not an update of the one it was copied from.
 */
function savesNewRow(kind: string, label: string, top: ts.Node): boolean {
  if (kind !== 'update' || !/(^|\.)save$/.test(label) || !ts.isCallExpression(top)) return false;
  const arg = top.arguments[top.arguments.length - 1];
  const o = arg && unwrap(arg);
  if (!o || !ts.isObjectLiteralExpression(o)) return false;
  return o.properties.some((p) => ts.isPropertyAssignment(p) && propertyNameText(p.name) === 'id' && isNullish(p.initializer));
}

/** Pattern: prisma.session.upsert({ where, create: { … }, update: {} }) — creates the row if absent, else changes nothing. */
const PRISMA_INSERT_ONLY = /\.upsert\s*\(\s*\{[^]*\bupdate\s*:\s*\{\s*\}/;

/** Pattern: repo.increment({ id }, 'views', 1) / prisma.post.update({ …, data: { views: { increment: 1 } } }) */
function bumpsCounter(label: string, head: string): boolean {
  return /(^|\.)(increment|decrement)$/.test(label) || PRISMA_BUMP.test(head) || sqlBumpsOnly(head);
}

/** The assignments of `UPDATE t SET …`, up to its WHERE (or the end of the SQL text). */
const SQL_SET = /\bUPDATE\s+[\w."`]+\s+SET\s+([^;]*?)\s*(?:\bWHERE\b|\bFROM\b|\bRETURNING\b|["'`]\s*[,)]|$)/i;
/** `clicks = clicks + 1` (or `- ?`, `+ ${n}`): a tally counted up or down. */
const SQL_TALLY = /^[`"]?(\w+)[`"]?\s*=\s*[`"]?\1[`"]?\s*[+-]\s*(?:\d+|\?|\$\d+|\$\{[^{}]*\})$/i;
/** `lastClicked = NOW()`: the time it was counted. */
const SQL_TOUCH = /^[`"]?\w+[`"]?\s*=\s*(?:NOW\(\)|CURRENT_TIMESTAMP(?:\(\))?|UTC_TIMESTAMP\(\))$/i;

/** Pattern: UPDATE Link SET clicks = clicks + 1, lastClicked = NOW() WHERE id = ? — tallies (and their time) only. */
function sqlBumpsOnly(head: string): boolean {
  const m = SQL_SET.exec(head);
  if (!m) return false;
  const items = m[1].split(',').map((x) => x.trim());
  return items.some((x) => SQL_TALLY.test(x)) && items.every((x) => SQL_TALLY.test(x) || SQL_TOUCH.test(x));
}

/**
 * Pattern: updateOne(query, body) { return this.model.updateOne(query, body) } — the write's call
 * hands on the enclosing function's own parameters, every one as it is (a facade over the model).
 */
function passesOwnParams(links: Link[], label: string, top: ts.Node, ctx: FileCtx): boolean {
  const verb = methodOfLabel(label);
  const call = links.find((l) => l.name === verb)?.node;
  const fn = enclosingFunction(top);
  if (!call || !ts.isCallExpression(call) || !fn || call.arguments.length === 0) return false;
  return call.arguments.every((a) => {
    const u = unwrap(a);
    if (!ts.isIdentifier(u)) return false;
    const d = declarationOf(u, ctx.facts.imports);
    return d?.t === 'param' && d.fn === fn;
  });
}

function record(ctx: FileCtx, { top, hit, links }: Found): void {
  const span = { start: top.getStart(ctx.sf), end: top.end };
  const fn = ctx.fnIdOf(top);
  const entity = normaliseEntity(hit.entity);
  ctx.dbCallNodes.add(top);
  if (hit.kind === 'read' || hit.alsoRead) {
    const read: DbRead = { span, via: hit.via, fn };
    if (entity) read.entity = entity;
    if (hit.kind === 'read' && hit.pins) read.pins = hit.pins;
    ctx.facts.dbReads.push(read);
  }
  if (hit.kind === 'read') return;
  // an expression-bodied arrow (`(tx) => tx.user.update(q)`) has no statement of its own
  const anchor: ts.Node = enclosingStatement(top) ?? top;
  const write: DbWrite = {
    span,
    kind: savesNewRow(hit.kind, hit.label, top) ? 'create' : hit.kind,
    via: hit.via,
    label: hit.label,
    fn,
    stmtEnd: anchor.end,
    indent: indentAt(ctx.text, anchor.getStart(ctx.sf)),
  };
  if (entity) write.entity = entity;
  // an upsert creates or updates: negative-cache-on-create counts it as a create, set-after-commit as an update
  // the call's text (its SQL, its data), read once for both questions
  const head = hit.kind === 'create' || hit.kind === 'update' ? top.getText(ctx.sf).slice(0, 4000) : '';
  // (`ON CONFLICT … DO NOTHING` leaves an existing row as it was: a create, no update)
  // (a Prisma upsert with `update: {}` leaves an existing row as it was too)
  if (hit.kind === 'create' && !PRISMA_INSERT_ONLY.test(head) && (/upsert|^merge|replace/i.test(hit.label) || (/\bon\s+(conflict|duplicate\s+key)\b/i.test(head.slice(0, 2000)) && !/\bdo\s+nothing\b/i.test(head.slice(0, 2000)))))
    write.upsert = true;
  if (hit.kind === 'update' && restoresRows(hit.label, head)) write.restores = true;
  if (passesOwnParams(links, hit.label, top, ctx)) write.passesParams = true;
  // Pattern: UPDATE collections SET community = $1 WHERE id = $2 — the columns it sets
  if (hit.kind === 'update' && hit.columns && !write.restores) write.fields = hit.columns;
  if (hit.kind === 'update' && bumpsCounter(hit.label, head)) write.counter = true;
  if (hit.pins) write.pins = hit.pins;
  // Pattern: prisma.dailyUsage.upsert({ where, create: { sent: 1 }, update: { sent: { increment: 1 } } })
  if (write.upsert && PRISMA_UPSERT_BUMP.test(head)) write.counter = true;
  const v = resultVarOf(top);
  if (v) write.resultVar = v;
  if (returnsWritten(top, v)) write.returned = true;
  if (hit.kind !== 'create') {
    const row = writtenRow(links, ctx.sf);
    if (row) write.row = row;
  }
  ctx.facts.dbWrites.push(write);
  ctx.dbWriteNodes.push(top);
}

export function dbVisitors(ctx: FileCtx): VisitorMap {
  // Memoised per chain node: origin tracing (`doc.save()` → where did `doc` come from?) asks again.
  const memo = new Map<ts.Node, Found | null>();
  const env: DbEnv = {
    ctx,
    recognise(e) {
      const n = bare(unwrap(e));
      if (!ts.isCallExpression(n) && !ts.isTaggedTemplateExpression(n)) return undefined;
      return find(n)?.hit;
    },
  };
  const find = (n: Chain): Found | undefined => {
    const m = memo.get(n);
    if (m !== undefined) return m ?? undefined;
    memo.set(n, null); // a value defined through itself must not loop
    const f = recogniseChain(env, n);
    memo.set(n, f ?? null);
    return f;
  };
  ctx.db = env;
  const visit = (node: ts.Node) => {
    if ((!ts.isCallExpression(node) && !ts.isTaggedTemplateExpression(node)) || isInnerLink(node)) return;
    const f = find(node);
    if (f) record(ctx, f);
  };
  return { [ts.SyntaxKind.CallExpression]: [visit], [ts.SyntaxKind.TaggedTemplateExpression]: [visit] };
}
