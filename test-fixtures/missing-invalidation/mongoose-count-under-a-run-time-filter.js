// A count of articles under a filter built per request: an update that names no filter field
// cannot change a number, whatever the filter turns out to be. A delete of an article does, and a
// count kept a day is no tally left to its TTL.
const Redis = require('ioredis');
const mongoose = require('mongoose');

const redis = new Redis();
const Article = mongoose.model('Article', new mongoose.Schema({ title: String, language: String, category: String, commentCount: Number }));

async function countArticles(language, category) {
  const filter = {};
  if (language) filter.language = language;
  if (category) filter.category = category;
  const key = `articles_count:${language}:${category}`;
  const cached = await redis.get(key);
  if (cached) return Number(cached);
  const total = await Article.countDocuments(filter);
  await redis.set(key, String(total), 'EX', 86400);
  return total;
}

async function comment(articleId) {
  await Article.updateOne({ _id: articleId }, { $inc: { commentCount: 1 } });
}

async function retitleArticle(articleId, title) {
  await Article.updateOne({ _id: articleId }, { $set: { title } });
}

async function removeArticle(articleId) {
  await Article.deleteOne({ _id: articleId }); // expect: missing-invalidation
}

module.exports = { countArticles, comment, retitleArticle, removeArticle };
