// The app's Redis module: the client exists only when a URL is configured.
const Redis = require('ioredis');

let c = null;
if (process.env.REDIS_URL) c = new Redis(process.env.REDIS_URL);

module.exports = {
  set: (k, v, ex) => c.set(k, v, 'EX', ex),
  get: (k) => c.get(k),
  del: (k) => c.del(k),
};
