import { describe, expect, it } from 'vitest';
import '../src/facts/index';
import { Analyzer } from '../src/engine/run';
import { defaultConfig } from '../src/config';

// which cached values aggregate their rows: leaderboards (rows ranked by a measure, the first few
// kept) and tallies (a number of rows); missing-invalidation lets their rows' writes lag until a short TTL
const source = `import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import knex from 'knex';
import { Pool } from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { count, desc } from 'drizzle-orm';
import { posts } from './schema';
import { Article } from './article.model';
const redis = new Redis();
const prisma = new PrismaClient();
const db = knex({ client: 'pg' });
const pool = new Pool();
const drizzleDb = drizzle(pool);
export async function fill() {
  await redis.set('top-posts', JSON.stringify(await prisma.post.findMany({ orderBy: { views: 'desc' }, take: 10 })), 'EX', 300);
  await redis.set('new-posts', JSON.stringify(await prisma.post.findMany({ orderBy: { createdAt: 'desc' }, take: 10 })), 'EX', 300);
  await redis.set('all-posts', JSON.stringify(await prisma.post.findMany({ orderBy: { views: 'desc' } })), 'EX', 300);
  await redis.set('top-scores', JSON.stringify(await db('scores').orderBy('points', 'desc').limit(5)), 'EX', 300);
  await redis.set('new-scores', JSON.stringify(await db('scores').orderBy('created_at', 'desc').limit(5)), 'EX', 300);
  await redis.set('top-sql', JSON.stringify((await pool.query('SELECT id, name FROM products ORDER BY sales DESC LIMIT 10')).rows), 'EX', 300);
  await redis.set('top-drizzle', JSON.stringify(await drizzleDb.select().from(posts).orderBy(desc(posts.views)).limit(3)), 'EX', 300);
  await redis.set('new-sql', JSON.stringify((await pool.query('SELECT id, name FROM products ORDER BY id DESC LIMIT 10')).rows), 'EX', 300);
  await redis.set('n-posts', String(await prisma.post.count({ where: { published: true } })), 'EX', 600);
  await redis.set('n-scores', JSON.stringify(await db('scores').where({ game: 'x' }).count('id as n')), 'EX', 600);
  await redis.set('n-sql', JSON.stringify((await pool.query('SELECT count(*) FROM products WHERE active')).rows), 'EX', 600);
  await redis.set('n-by-kind', JSON.stringify(await drizzleDb.select({ kind: posts.kind, n: count() }).from(posts).groupBy(posts.kind)), 'EX', 600);
  await redis.set('kinds', JSON.stringify(await drizzleDb.select({ kind: posts.kind, n: count() }).from(posts)), 'EX', 600);
  await redis.set('kind-sql', JSON.stringify((await pool.query('SELECT kind, count(*) FROM products')).rows), 'EX', 600);
  await redis.set('page', JSON.stringify(await prisma.post.findMany({ where: { published: true } })), 'EX', 600);
  await redis.set('top-pipeline', JSON.stringify(await Article.aggregate([{ $match: { lang: 'en' } }, { $sort: { viewCount: -1 } }, { $limit: 20 }])), 'EX', 300);
  await redis.set('new-pipeline', JSON.stringify(await Article.aggregate([{ $sort: { publishedAt: -1 } }, { $limit: 20 }])), 'EX', 300);
  let pool = await Article.aggregate([{ $match: { viewCount: { $gt: 0 } } }, { $sort: { viewCount: -1 } }, { $limit: 20 }]);
  if (pool.length === 0) pool = await Article.aggregate([{ $sort: { publishedAt: -1 } }, { $limit: 20 }]);
  await redis.set('trending-or-newest', JSON.stringify(pool), 'EX', 300);
  let mixed = await Article.aggregate([{ $sort: { viewCount: -1 } }, { $limit: 20 }]);
  if (mixed.length === 0) mixed = await prisma.post.findMany({ where: { published: true } });
  await redis.set('ranked-or-all', JSON.stringify(mixed), 'EX', 300);
  await redis.set('first-admin', JSON.stringify(await Article.findOne().sort('createdAt')), 'EX', 300);
  await redis.set('first-post', JSON.stringify(await prisma.post.findFirst({ orderBy: { createdAt: 'asc' } })), 'EX', 300);
  await redis.set('last-admin', JSON.stringify(await Article.findOne().sort({ createdAt: -1 })), 'EX', 300);
}`;

describe('aggregate reads', () => {
  const a = new Analyzer({ configFor: () => defaultConfig() });
  a.setFile('/p/fill.ts', source);
  const aggregates = Object.fromEntries(a.factsOf('/p/fill.ts')!.calls.filter((c) => c.method === 'set').map((c) => [c.args[0].str, c.args[1].aggregate]));
  const ranked = Object.fromEntries(Object.entries(aggregates).map(([k, v]) => [k, v === 'ranked']));

  it('ranks by a measure and limits: a leaderboard', () => {
    expect(ranked['top-posts']).toBe(true);
    expect(ranked['top-scores']).toBe(true);
    expect(ranked['top-sql']).toBe(true);
    expect(ranked['top-drizzle']).toBe(true);
    expect(ranked['top-pipeline']).toBe(true);
  });
  it('ordered by time or id, or not limited: no leaderboard', () => {
    expect(ranked['new-posts']).toBe(false);
    expect(ranked['all-posts']).toBe(false);
    expect(ranked['new-scores']).toBe(false);
    expect(ranked['new-sql']).toBe(false);
    expect(ranked['new-pipeline']).toBe(false);
  });
  it('ordered by time and limited: the newest few', () => {
    for (const k of ['new-posts', 'new-scores', 'new-pipeline']) expect(aggregates[k], k).toBe('latest');
  });
  it('a ranking with a newest-first fallback is a ranking; with unlimited rows it is none', () => {
    expect(aggregates['trending-or-newest']).toBe('ranked');
    expect(aggregates['ranked-or-all']).toBeUndefined();
  });
  it('one row, first by when rows came: the oldest, which no new row becomes', () => {
    expect(aggregates['first-admin']).toBe('oldest');
    expect(aggregates['first-post']).toBe('oldest');
    expect(aggregates['last-admin']).not.toBe('oldest');
  });
  it('a number of rows, also per group: a tally', () => {
    for (const k of ['n-posts', 'n-scores', 'n-sql', 'n-by-kind']) expect(aggregates[k], k).toBe('count');
  });
  it('rows, or a count beside columns it does not group by: no tally', () => {
    for (const k of ['kinds', 'kind-sql', 'page', 'top-posts']) expect(aggregates[k], k).not.toBe('count');
  });
});
