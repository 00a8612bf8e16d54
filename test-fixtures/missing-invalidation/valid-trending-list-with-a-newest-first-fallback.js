// valid: the trending list ranks articles by views, newest first only until some have views, and
// is kept five minutes: a ranking refreshed by expiry, no edit is expected to clear it
const Redis = require('ioredis');
const mongoose = require('mongoose');
const redis = new Redis();
const Article = mongoose.model('Article', new mongoose.Schema({ title: String, language: String, viewCount: Number, publishedAt: Date }));

async function trending(language) {
  const hit = await redis.get(`articles:trending:${language}`);
  if (hit) return JSON.parse(hit);
  let pool = await Article.aggregate([{ $match: { language, viewCount: { $gt: 0 } } }, { $sort: { viewCount: -1 } }, { $limit: 20 }]);
  if (pool.length === 0) {
    pool = await Article.aggregate([{ $match: { language } }, { $sort: { publishedAt: -1 } }, { $limit: 20 }]);
  }
  await redis.set(`articles:trending:${language}`, JSON.stringify(pool), 'EX', 300);
  return pool;
}

async function retitle(id, title) {
  await Article.updateOne({ _id: id }, { $set: { title } });
}

module.exports = { trending, retitle };
