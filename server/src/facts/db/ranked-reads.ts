// A read that ranks rows by a measure and keeps the first few: `Reel.find().sort({ viewCount: -1 })
// .limit(20)`, Prisma's `findMany({ orderBy: { views: 'desc' }, take: 10 })`, `ORDER BY score DESC
// LIMIT 10`. Cached for a few minutes it is a leaderboard: every view or like reorders it, and
// nobody deletes it on each one (missing-invalidation). Ordering by time or id is no ranking:
// "the latest ten" changes with each new row, and a reader expects to see it.
import { ts } from 'ts-morph';
import type { Link } from './common';
import { propertyNameText, unwrap } from '../../syntax/scope';

/** Sort fields that order by when or in what order rows came, not by a measure of them. */
const TIME_OR_ID = /(^|_)(id|at|on|date|time|timestamp|created|updated|published|modified|seq)$|(At|On|Date|Time|Id)$|^_id$/;

/**
 * What the read at `links[i]` (through the rest of its chain) keeps of its rows when it sorts and
 * limits them: the first few by a measure (`ranked`), or the newest few (`latest`).
 */
export function rankOf(links: readonly Link[], i: number, via: string): 'ranked' | 'latest' | undefined {
  const fields = limitedSortFields(links, i, via);
  if (!fields?.length) return undefined;
  return measures(fields) ? 'ranked' : 'latest';
}

/** The fields the read sorts by, when it also limits its rows. */
function limitedSortFields(links: readonly Link[], i: number, via: string): string[] | undefined {
  const o = orderOf(links, i, via);
  return o?.limited ? sortFields(o.sort) : undefined;
}

/**
 * How the read at `links[i]` orders its rows, and whether it keeps only the first few:
 * Article.aggregate([{ $match: q }, { $sort: { viewCount: -1 } }, { $limit: 100 }, …]),
 * Model.find(q).sort({ viewCount: -1 }).limit(20), knex(t).orderBy('score', 'desc').limit(10),
 * prisma.post.findMany({ orderBy: { views: 'desc' }, take: 10 }), repo.find({ order: { score: 'DESC' }, take: 5 }).
 */
function orderOf(links: readonly Link[], i: number, via: string): { sort: ts.Expression; limited: boolean } | undefined {
  if (links[i].name === 'aggregate' && links[i].args[0]) {
    const stages = unwrap(links[i].args[0]);
    if (!ts.isArrayLiteralExpression(stages)) return undefined;
    const stage = (n: string) =>
      stages.elements.map((e) => unwrap(e as ts.Expression)).flatMap((e) => (ts.isObjectLiteralExpression(e) ? e.properties : [])).find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyNameText(p.name) === n);
    const sort = stage('$sort');
    return sort && { sort: sort.initializer, limited: !!stage('$limit') };
  }
  const rest = links.slice(i);
  const sort = rest.find((l) => l.name === 'sort' || l.name === 'orderBy');
  if (sort?.args[0]) return { sort: sort.args[0], limited: rest.some((l) => l.name === 'limit' || l.name === 'take' || l.name === 'top') };
  const opts = links[i].args[0] && unwrap(links[i].args[0]);
  if ((via === 'prisma' || via === 'typeorm' || via === 'sequelize') && opts && ts.isObjectLiteralExpression(opts)) {
    const prop = (n: string) => opts.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyNameText(p.name) === n);
    const order = prop('orderBy') ?? prop('order');
    return order && { sort: order.initializer, limited: !!(prop('take') ?? prop('limit')) };
  }
  return undefined;
}

/** Pattern: ORDER BY score DESC LIMIT 10 in a SQL text. */
export function sqlRanksRows(sql: string): boolean {
  const m = /\border\s+by\s+([\s\S]+?)\blimit\b/i.exec(sql);
  if (!m) return false;
  return measures(m[1].split(',').map((c) => c.trim().split(/\s+/)[0].replace(/^.*\./, '').replace(/["`]/g, '')));
}

/** The fields a sort argument names: `{ viewCount: -1 }`, `'-likes'`, `[{ views: 'desc' }]`, `'score'`. */
function sortFields(e0: ts.Expression): string[] {
  const e = unwrap(e0);
  if (ts.isStringLiteralLike(e)) return e.text.split(/\s+/).filter(Boolean).map((f) => f.replace(/^[-+]/, ''));
  if (ts.isArrayLiteralExpression(e)) return e.elements.flatMap((x) => sortFields(x));
  if (ts.isObjectLiteralExpression(e)) return e.properties.flatMap((p) => (p.name ? [propertyNameText(p.name) ?? ''] : [''])).filter(Boolean);
  // Pattern: orderBy(desc(posts.views)) (Drizzle) / orderBy(posts.views)
  if (ts.isCallExpression(e) && e.arguments.length === 1) return sortFields(e.arguments[0]);
  if (ts.isPropertyAccessExpression(e)) return [e.name.text];
  return [];
}

/**
 * Pattern: Admin.findOne().sort('createdAt') / prisma.admin.findFirst({ orderBy: { createdAt: 'asc' } }) —
 * the one oldest row by when rows came: a new row sorts last and never becomes it.
 */
export function oldestRowOf(links: readonly Link[], i: number, via: string): boolean {
  const verb = links[i].name ?? '';
  const order = (verb === 'findOne' || verb === 'findFirst') && orderOf(links, i, via);
  if (!order) return false;
  const e = unwrap(order.sort);
  if (ts.isStringLiteralLike(e)) {
    const parts = e.text.split(/\s+/).filter(Boolean);
    return parts.length > 0 && parts.every((f) => !f.startsWith('-') && TIME_OR_ID.test(f.replace(/^\+/, '')));
  }
  if (!ts.isObjectLiteralExpression(e) || e.properties.length === 0) return false;
  return e.properties.every((p) => {
    if (!ts.isPropertyAssignment(p) || !TIME_OR_ID.test(propertyNameText(p.name) ?? '')) return false;
    const v = unwrap(p.initializer);
    return (ts.isNumericLiteral(v) && v.text === '1') || (ts.isStringLiteralLike(v) && /^asc(ending)?$/i.test(v.text));
  });
}

function measures(fields: readonly string[]): boolean {
  return fields.length > 0 && fields.some((f) => !TIME_OR_ID.test(f));
}
