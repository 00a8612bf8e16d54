const cache = require('./cache');
const db = require('./db');

async function profile(userId) {
  const hit = await cache.get(`profile:${userId}`);
  if (hit) return JSON.parse(hit);
  const row = await db.query('SELECT * FROM profiles WHERE user_id = $1', [userId]);
  await cache.set(`profile:${userId}`, JSON.stringify(row)); // expect: missing-ttl
  return row;
}

async function avatar(userId) {
  const hit = await cache.get(`avatar:${userId}`);
  if (hit) return hit;
  const row = await db.query('SELECT avatar_url FROM profiles WHERE user_id = $1', [userId]);
  await cache.setFor(`avatar:${userId}`, row.avatar_url, 600);
  return row.avatar_url;
}

module.exports = { profile, avatar };
