import Redis from 'ioredis';
import { model, Schema } from 'mongoose';

const Article = model('Article', new Schema({ title: String, body: String, views: Number }));
const redis = new Redis();

export async function article(id: string) {
  const hit = await redis.get(`article:${id}`);
  if (hit) return JSON.parse(hit);
  const doc = await Article.findById(id).lean();
  await redis.set(`article:${id}`, JSON.stringify(doc), 'EX', 900);
  return doc;
}

export async function retitle(id: string, title: string) {
  const cached = JSON.parse((await redis.get(`article:${id}`)) ?? '{}');
  const doc = await Article.findById(id);
  if (!doc) return;
  Object.assign(doc, cached, { title });
  await doc.save(); // expect: write-from-cache
  await redis.del(`article:${id}`);
}
