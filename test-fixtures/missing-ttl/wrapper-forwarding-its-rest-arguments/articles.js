// The wrapper forwards `...args`: 'EX', 600 gives the first entry its TTL; the second call passes
// none, so the entry never expires.
const redis = require('./redis');
const Article = require('./article.model');

async function article(id) {
  const hit = await redis.get(`article:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await Article.findById(id).lean();
  await redis.set(`article:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}

async function author(id) {
  const hit = await redis.get(`author:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await Article.findOne({ authorId: id }).lean();
  await redis.set(`author:${id}`, JSON.stringify(row)); // expect: missing-ttl
  return row;
}

module.exports = { article, author };
