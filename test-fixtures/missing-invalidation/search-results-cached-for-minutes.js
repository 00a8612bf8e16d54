// Search results are cached per query for two minutes: no write can name the queries it changes,
// and the short TTL is how they stay fresh: a new category is not reported. Suggestions (titles) are
// kept a day, and a retitled product would be suggested under its old title all day: reported.
const Redis = require('ioredis');
const mongoose = require('mongoose');

const redis = new Redis();
const Product = mongoose.model('Product', new mongoose.Schema({ title: String, category: String }));

async function search(query, limit) {
  const key = `product_search_${limit}_${query.toLowerCase()}`;
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit);
  const rows = await Product.find({ $text: { $search: query } }).limit(limit).lean();
  await redis.set(key, JSON.stringify(rows), 'EX', 120);
  return rows;
}

async function suggestions(prefix) {
  const key = `product_suggest_${prefix}`;
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit);
  const rows = await Product.find({ title: new RegExp(`^${prefix}`) }).limit(10).select('title').lean();
  await redis.set(key, JSON.stringify(rows), 'EX', 86400);
  return rows;
}

async function recategorise(id, category) {
  await Product.findByIdAndUpdate(id, { $set: { category } });
}

async function retitle(id, title) {
  await Product.findByIdAndUpdate(id, { $set: { title } }); // expect: missing-invalidation
}

module.exports = { search, suggestions, recategorise, retitle };
