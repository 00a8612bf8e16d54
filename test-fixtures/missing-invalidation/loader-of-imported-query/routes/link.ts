// GET /q/:slug — the redirect, read through the cache for a day.
import { findLink } from '../queries';
import { redis } from '../lib/redis';

export async function GET(slug: string) {
  const link = (await redis.fetch(`link:${slug}`, () => findLink({ where: { slug } }), 86400)) as { url: string } | null;
  return link ? Response.redirect(link.url, 302) : new Response('Not found', { status: 404 });
}
