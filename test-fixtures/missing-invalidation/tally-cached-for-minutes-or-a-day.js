// The article count answers pagination for ten minutes: a number meant to be roughly right, which
// no edit, publish or removal is expected to clear. The per-author count is kept a whole day, and a
// day-old number is a bug a reader sees: those writes are reported.
const Redis = require('ioredis');
const mongoose = require('mongoose');

const redis = new Redis();
const Article = mongoose.model('Article', new mongoose.Schema({ title: String, language: String, author: String }));

async function countByLanguage(language) {
  const key = `articles_count_${language}`;
  const hit = await redis.get(key);
  if (hit) return Number(hit);
  const n = await Article.countDocuments({ language });
  await redis.set(key, String(n), 'EX', 600);
  return n;
}

async function countByAuthor(author) {
  const key = `articles_author_count_${author}`;
  const hit = await redis.get(key);
  if (hit) return Number(hit);
  const n = await Article.countDocuments({ author });
  await redis.set(key, String(n), 'EX', 86400);
  return n;
}

async function moveToLanguage(id, language) {
  await Article.findByIdAndUpdate(id, { $set: { language } });
}

async function reassign(id, author) {
  await Article.findByIdAndUpdate(id, { $set: { author } }); // expect: missing-invalidation
}

async function remove(id) {
  await Article.deleteOne({ _id: id }); // expect: missing-invalidation
}

module.exports = { countByLanguage, countByAuthor, moveToLanguage, reassign, remove };
