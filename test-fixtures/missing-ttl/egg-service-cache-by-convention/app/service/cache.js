'use strict';
// egg-redis puts an ioredis client on the app; controllers reach this class as `this.service.cache`
const Service = require('egg').Service;

class CacheService extends Service {
  async get(key) {
    const { redis } = this.app;
    const data = await redis.get(key);
    return data ? JSON.parse(data) : undefined;
  }

  async setex(key, value, seconds) {
    const { redis } = this.app;
    value = JSON.stringify(value);
    if (!seconds) {
      await redis.set(key, value);
    } else {
      await redis.set(key, value, 'EX', seconds);
    }
  }
}

module.exports = CacheService;
