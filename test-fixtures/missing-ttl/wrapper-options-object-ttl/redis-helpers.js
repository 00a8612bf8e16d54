// A helper that takes the expiry in an options object and hands it to node-redis.
const { createClient } = require('redis');

const client = createClient({ url: process.env.REDIS_URL });

module.exports = {
  async getJSON(key) {
    const raw = await client.get(key);
    return raw ? JSON.parse(raw) : null;
  },
  async setJSON(key, obj, opts = {}) {
    const value = JSON.stringify(obj);
    if (opts.ex) return client.set(key, value, { EX: opts.ex });
    if (opts.px) return client.set(key, value, { PX: opts.px });
    return client.set(key, value);
  },
};
