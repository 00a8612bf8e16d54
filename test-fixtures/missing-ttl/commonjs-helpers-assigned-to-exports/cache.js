// Helpers assigned to `exports` one by one: the TTL is the caller's to give, and optional.
const redis = require('./redis');

exports.get = async function (key) {
  const raw = await redis.get(key);
  return raw ? JSON.parse(raw) : null;
};

exports.set = async function (key, value, seconds) {
  if (seconds) await redis.setex(key, seconds, JSON.stringify(value));
  else await redis.set(key, JSON.stringify(value));
};

exports.enqueue = async function (queue, job) {
  await redis.rpush(queue, JSON.stringify(job));
};
