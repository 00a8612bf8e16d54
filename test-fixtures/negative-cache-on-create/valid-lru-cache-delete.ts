// valid: the in-process LRU entry for the missing slug is deleted by the create
import { LRUCache } from 'lru-cache';
import { Pool } from 'pg';

const pool = new Pool();
const pages = new LRUCache<string, object | false>({ max: 2000, ttl: 120_000 });

export async function pageBySlug(slug: string) {
  const hit = pages.get(`page:${slug}`);
  if (hit === false) return null;
  if (hit) return hit;
  const { rows } = await pool.query('SELECT * FROM pages WHERE slug = $1', [slug]);
  pages.set(`page:${slug}`, rows[0] ?? false);
  return rows[0] ?? null;
}

export async function createPage(slug: string, body: string) {
  await pool.query('INSERT INTO pages (slug, body) VALUES ($1, $2)', [slug, body]);
  pages.delete(`page:${slug}`);
}
