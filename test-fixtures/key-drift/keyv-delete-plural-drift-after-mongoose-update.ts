import Keyv from 'keyv';
import KeyvRedis from '@keyv/redis';
import { Article } from './article.model';

const keyv = new Keyv({ store: new KeyvRedis(process.env.REDIS_URL), ttl: 5 * 60_000 });

export async function getArticle(slug: string) {
  const cached = await keyv.get(`articles:${slug}`);
  if (cached) return cached;
  const article = await Article.findOne({ slug }).lean();
  if (article) await keyv.set(`articles:${slug}`, article);
  return article;
}

export async function publishArticle(slug: string) {
  await Article.updateOne({ slug }, { $set: { publishedAt: new Date() } });
  await keyv.delete(`article:${slug}`); // expect: key-drift
}
