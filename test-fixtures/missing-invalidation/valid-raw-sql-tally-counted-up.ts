// valid: a visit counts up the article's tally (and stamps its time); the cached article is the
// text readers show: a visit count a few minutes behind is no stale article.
import Redis from 'ioredis';
import { Pool } from 'pg';

const pool = new Pool();
const redis = new Redis();

export async function article(id: string) {
  const hit = await redis.get(`article:${id}`);
  if (hit) return JSON.parse(hit);
  const { rows } = await pool.query('SELECT * FROM articles WHERE id = $1', [id]);
  await redis.set(`article:${id}`, JSON.stringify(rows[0]), 'EX', 600);
  return rows[0];
}

export async function countVisit(id: string) {
  await pool.query('UPDATE articles SET visits = visits + 1, last_visited_at = NOW() WHERE id = $1', [id]);
}
