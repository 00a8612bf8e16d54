// A Koa handler answers a hit by setting the body and returning; a miss loads the topics and
// stores the feed without an expiry. The second handler keeps a feed that nothing reloads (the
// application's own store): no cache, no TTL owed.
import Redis from 'ioredis';
import mongoose from 'mongoose';

const redis = new Redis();
const Topic = mongoose.model('Topic', new mongoose.Schema({ title: String }));

export async function rss(ctx: { body: unknown }): Promise<void> {
  const cached = await redis.get('rss:latest');
  if (cached) {
    ctx.body = cached;
    return;
  }
  const topics = await Topic.find().sort({ _id: -1 }).limit(50).lean();
  const xml = topics.map((t) => `<item>${t.title}</item>`).join('');
  await redis.set('rss:latest', xml); // expect: missing-ttl
  ctx.body = xml;
}

export async function pinned(ctx: { body: unknown }): Promise<void> {
  const kept = await redis.get('rss:pinned');
  if (kept) {
    ctx.body = kept;
    return;
  }
  ctx.body = '';
}

export async function pin(xml: string): Promise<void> {
  await redis.set('rss:pinned', xml);
}
