// CommonJS cache helpers over ioredis.
'use strict';
const Redis = require('ioredis');

const redis = new Redis(process.env.REDIS_URL);

async function cachePut(key, value, ttlSeconds = 600) {
  await redis.set(key, JSON.stringify(value), 'EX', ttlSeconds);
}

async function cacheEvict(key) {
  await redis.del(key);
}

module.exports = { cachePut, cacheEvict };
