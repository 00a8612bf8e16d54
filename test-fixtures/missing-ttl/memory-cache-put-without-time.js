// memory-cache: the module is the cache, put(key, value, ms). The profile is kept forever; the
// feed for a minute.
const cache = require('memory-cache');

async function profile(id) {
  const hit = cache.get('profile:' + id);
  if (hit) return hit;
  const row = await User.findById(id);
  cache.put('profile:' + id, row); // expect: missing-ttl
  return row;
}

async function feed(id) {
  const hit = cache.get('feed:' + id);
  if (hit) return hit;
  const rows = await Post.find({ author: id });
  cache.put('feed:' + id, rows, 60 * 1000);
  return rows;
}

module.exports = { profile, feed };
