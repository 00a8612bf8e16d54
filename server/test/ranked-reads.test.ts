import { describe, expect, it } from 'vitest';
import '../src/facts/index';
import { Analyzer } from '../src/engine/run';
import { defaultConfig } from '../src/config';

// which cached values are leaderboards: rows ranked by a measure, the first few kept
// (missing-invalidation lets updates and creates of their rows lag until a short TTL)
const source = `import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import knex from 'knex';
import { Pool } from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { desc } from 'drizzle-orm';
import { posts } from './schema';
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
}`;

describe('ranked reads', () => {
  const a = new Analyzer({ configFor: () => defaultConfig() });
  a.setFile('/p/fill.ts', source);
  const ranked = Object.fromEntries(
    a.factsOf('/p/fill.ts')!.calls.filter((c) => c.method === 'set').map((c) => [c.args[0].str, !!c.args[1].ranked]),
  );

  it('ranks by a measure and limits: a leaderboard', () => {
    expect(ranked['top-posts']).toBe(true);
    expect(ranked['top-scores']).toBe(true);
    expect(ranked['top-sql']).toBe(true);
    expect(ranked['top-drizzle']).toBe(true);
  });
  it('ordered by time or id, or not limited: no leaderboard', () => {
    expect(ranked['new-posts']).toBe(false);
    expect(ranked['all-posts']).toBe(false);
    expect(ranked['new-scores']).toBe(false);
    expect(ranked['new-sql']).toBe(false);
  });
});
