// A safe wrapper that passes the caller's options on as they were given.
const Redis = require('ioredis');

const client = new Redis(process.env.REDIS_URL);

module.exports = {
  get: async (key) => client.get(key),
  set: async (key, value, ...args) => client.set(key, value, ...args),
  del: async (...keys) => client.del(...keys),
};
