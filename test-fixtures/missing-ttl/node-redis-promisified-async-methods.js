// node-redis 3 promisified with bluebird: getAsync / setAsync / setexAsync are the client's own
// verbs. The profile is kept with no expiry; the feed expires after a minute.
const bluebird = require('bluebird');
const redis = require('redis');

bluebird.promisifyAll(redis.RedisClient.prototype);
const client = redis.createClient(process.env.REDIS_URL);

async function profile(id) {
  const hit = await client.getAsync('profile:' + id);
  if (hit) return JSON.parse(hit);
  const row = await User.findByPk(id);
  await client.setAsync('profile:' + id, JSON.stringify(row)); // expect: missing-ttl
  return row;
}

async function feed(id) {
  const hit = await client.getAsync('feed:' + id);
  if (hit) return JSON.parse(hit);
  const rows = await Post.findAll({ where: { authorId: id } });
  await client.setexAsync('feed:' + id, 60, JSON.stringify(rows));
  return rows;
}

module.exports = { profile, feed };
