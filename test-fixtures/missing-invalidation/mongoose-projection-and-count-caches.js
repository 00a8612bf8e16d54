// Two caches that hold only some fields of their documents: the source list keeps what its
// projection selects, the article count depends on its filter alone. Updates of other fields
// leave both right; an update of a selected or filtered field does not (the count is kept a day:
// no tally left to its TTL).
const Redis = require('ioredis');
const mongoose = require('mongoose');

const redis = new Redis();
const Source = mongoose.model('Source', new mongoose.Schema({ name: String, icon: String, status: String, quality_score: Number }));
const Article = mongoose.model('Article', new mongoose.Schema({ title: String, language: String, likes: Number }));

async function getAllSources() {
  const cached = await redis.get('sources_cache_all');
  if (cached) return JSON.parse(cached);
  const sources = await Source.find({ status: { $ne: 'blocked' } }).select('_id name icon status').lean();
  await redis.set('sources_cache_all', JSON.stringify(sources), 'EX', 3600);
  return sources;
}

async function countArticles(language) {
  const key = `articles_count:${language}`;
  const cached = await redis.get(key);
  if (cached) return Number(cached);
  const filter = { language };
  const count = await Article.countDocuments(filter);
  await redis.set(key, count.toString(), 'EX', 86400);
  return count;
}

async function updateQuality(id, score) {
  await Source.updateOne({ _id: id }, { $set: { quality_score: score } });
}

async function renameSource(id, name) {
  await Source.updateOne({ _id: id }, { $set: { name } }); // expect: missing-invalidation
}

async function likeArticle(id) {
  await Article.updateOne({ _id: id }, { $inc: { likes: 1 } });
}

async function retitle(id, title) {
  await Article.findByIdAndUpdate(id, { title });
}

async function translate(id, language) {
  await Article.updateOne({ _id: id }, { $set: { language } }); // expect: missing-invalidation
}

module.exports = { getAllSources, countArticles, updateQuality, renameSource, likeArticle, retitle, translate };
