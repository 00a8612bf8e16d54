// Feed pages are cached under a versioned key; the post path clears the first page under the old
// one (a segment fewer: no value of the read key), the edit path under the new one.
const cache = require('./redis');
const db = require('./db');

async function getFeed(userId, page) {
  const key = `feed_v2_${userId}_page_${page}`;
  const hit = await cache.get(key);
  if (hit) return JSON.parse(hit);
  const rows = await db('posts').where({ user_id: userId }).orderBy('created_at', 'desc').limit(20).offset((page - 1) * 20);
  await cache.set(key, JSON.stringify(rows), 60);
  return rows;
}

async function addPost(userId, body) {
  await db('posts').insert({ user_id: userId, body });
  await cache.del(`feed_${userId}_page_1`); // expect: key-drift
}

async function editPost(userId, id, body) {
  await db('posts').where({ id }).update({ body });
  await cache.del(`feed_v2_${userId}_page_1`);
}

module.exports = { getFeed, addPost, editPost };
