// The public category pages are cached five minutes and nothing but an admin's flush of every
// `articles_*` key deletes them: the team lets them expire, and an edit cannot name the pages it moves. A user's transaction pages are deleted
// by pattern when a payment lands, so the team means them cleared: the refund path that leaves
// them is reported.
const Redis = require('ioredis');
const mongoose = require('mongoose');

const redis = new Redis();
const Article = mongoose.model('Article', new mongoose.Schema({ title: String, category: String }));
const Transaction = mongoose.model('Transaction', new mongoose.Schema({ userId: String, status: String }));

async function categoryPage(category, page, limit) {
  const key = `articles_category_${category}_page_${page}_limit_${limit}`;
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit);
  const rows = await Article.find({ category }).skip((page - 1) * limit).limit(limit).lean();
  await redis.set(key, JSON.stringify(rows), 'EX', 300);
  return rows;
}

async function retitle(id, title) {
  await Article.findByIdAndUpdate(id, { $set: { title } });
}

async function transactions(userId, page, limit) {
  const key = `transactions:${userId}:page:${page}`;
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit);
  const rows = await Transaction.find({ userId }).skip((page - 1) * limit).limit(limit).lean();
  await redis.set(key, JSON.stringify(rows), 'EX', 120);
  return rows;
}

async function settle(id, userId) {
  await Transaction.findByIdAndUpdate(id, { $set: { status: 'settled' } });
  const keys = await redis.keys(`transactions:${userId}:*`);
  if (keys.length) await redis.del(...keys);
}

async function refund(id) {
  await Transaction.findByIdAndUpdate(id, { $set: { status: 'refunded' } }); // expect: missing-invalidation
}

async function flushArticleCaches() {
  const keys = await redis.keys('articles_*');
  if (keys.length) await redis.del(...keys);
}

module.exports = { categoryPage, retitle, transactions, settle, refund, flushArticleCaches };
