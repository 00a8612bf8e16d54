// A read that answers a number of rows, not the rows: `Article.countDocuments(filter)`, Prisma's
// `count({ where })`, TypeORM's `getCount()`, knex's `.count()`, Drizzle's `select({ n: count() })`,
// `SELECT count(*) …`. Cached for a while it is a tally: every write of the entity moves it a
// little, and nobody deletes it on each one (missing-invalidation); no reader sees a stale row in it.
import { ts } from 'ts-morph';
import type { Link } from './common';
import { memberName, unwrap } from '../../syntax/scope';

const COUNT_VERBS = new Set(['count', 'countBy', 'countDocuments', 'estimatedDocumentCount', 'getCount', 'countDistinct', '$count']);
const COUNT_FNS = new Set(['count', 'countDistinct']);

/** Whether the read at `links[i]` (through the rest of its chain) counts rows. */
export function countsRows(links: readonly Link[], i: number): boolean {
  const rest = links.slice(i);
  if (rest.some((l) => l.name !== undefined && COUNT_VERBS.has(l.name))) return true;
  // Pattern: db.select({ kind: t.kind, n: count() }).from(t).groupBy(t.kind)
  const select = links.find((l) => l.name === 'select');
  const shape = select?.args[0] && unwrap(select.args[0]);
  if (shape && ts.isObjectLiteralExpression(shape) && shape.properties.length > 0) {
    const counted = shape.properties.filter((p) => ts.isPropertyAssignment(p) && countCall(p.initializer));
    // every other member is a grouping column: a count per group
    return counted.length > 0 && (counted.length === shape.properties.length || links.some((l) => l.name === 'groupBy'));
  }
  return false;
}

function countCall(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (!ts.isCallExpression(u)) return false;
  const callee = unwrap(u.expression);
  const name = ts.isIdentifier(callee) ? callee.text : memberName(callee);
  return name !== undefined && COUNT_FNS.has(name);
}

/** Pattern: SELECT count(*) FROM … / SELECT kind, COUNT(id) AS n FROM … GROUP BY kind */
export function sqlCountsRows(sql: string): boolean {
  const m = /\bselect\s+([\s\S]*?)\bfrom\b/i.exec(sql);
  if (!m) return false;
  const cols = m[1].split(',').map((c) => c.trim()).filter(Boolean);
  const counted = cols.filter((c) => /^count\s*\(/i.test(c));
  return counted.length > 0 && (counted.length === cols.length || /\bgroup\s+by\b/i.test(sql));
}
