// cache-manager v6 createCache (Keyv-backed) next to a Mongoose findByIdAndUpdate.
import { createCache } from 'cache-manager';
import mongoose, { Schema } from 'mongoose';

interface Article {
  title: string;
  body: string;
  publishedAt?: Date;
}

const ArticleModel = mongoose.model<Article>('Article', new Schema<Article>({ title: String, body: String, publishedAt: Date }));
const cache = createCache({ ttl: 5 * 60 * 1000 });

export async function publish(id: string) {
  const article = await ArticleModel.findByIdAndUpdate(id, { publishedAt: new Date() }, { new: true }).lean();
  await cache.del(`article:${id}`); // expect: set-after-commit
  return article;
}
