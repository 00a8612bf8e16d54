import Redis from 'ioredis';

/** One client for the process, reached as a static member of the class (no DI, no export of its own). */
export class RedisUtility {
  private static _instance: Redis | undefined;

  static get instance() {
    if (!this._instance) this._instance = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
    return this._instance;
  }

  static client = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
}
