// The client exported as the module and as `exports` at once (an Express-era idiom).
const Redis = require('ioredis');

const client = new Redis(process.env.REDIS_URL);
exports = module.exports = client;
