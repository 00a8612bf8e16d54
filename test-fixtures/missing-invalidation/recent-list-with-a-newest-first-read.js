// The newest articles alone, no ranking by a measure: an edit of one of them shows in the list
// as soon as it commits, and nothing deletes the list
const Redis = require('ioredis');
const mongoose = require('mongoose');
const redis = new Redis();
const Article = mongoose.model('Article', new mongoose.Schema({ title: String, language: String, viewCount: Number, publishedAt: Date }));

async function recent(language) {
  const hit = await redis.get(`articles:recent:${language}`);
  if (hit) return JSON.parse(hit);
  const pool = await Article.aggregate([{ $match: { language } }, { $sort: { publishedAt: -1 } }, { $limit: 20 }]);
  await redis.set(`articles:recent:${language}`, JSON.stringify(pool), 'EX', 300);
  return pool;
}

async function retitle(id, title) {
  await Article.updateOne({ _id: id }, { $set: { title } }); // expect: missing-invalidation
}

module.exports = { recent, retitle };
