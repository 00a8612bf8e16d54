// A cache wrapper whose delete takes a pattern when asked (KEYS, then DEL of what it found), and
// a wrapper whose delete does not: a pattern handed to the first deletes the entries, also from a
// helper that builds the wrapper for each run; handed to the second, nothing.
import Redis from 'ioredis';

const redis = new Redis({ keyPrefix: process.env.REDIS_KEY_PREFIX });
const PREFIX = process.env.REDIS_KEY_PREFIX;

export class CacheClient {
  constructor(private readonly config: { logPrefix?: string } = {}) {}

  async delete(keyOrPattern: string, isPattern = false) {
    try {
      if (isPattern) {
        const keys = await redis.keys(keyOrPattern);
        // KEYS answers with the prefix that DEL adds again
        const stripped = PREFIX ? keys.map((k) => k.slice(PREFIX.length)) : keys;
        if (stripped.length > 0) await redis.del(...stripped);
      } else {
        await redis.del(keyOrPattern);
      }
    } catch (error) {
      console.error(`${this.config.logPrefix} delete error`, error);
    }
  }
}

export class PlainCache {
  async remove(key: string) {
    await redis.del(key);
  }
}

const plain = new PlainCache();

export async function destroyUserData(userId: number, logPrefix: string) {
  const cache = new CacheClient({ logPrefix });
  await cache.delete(`ref_amount:${userId}:*`, true);
}

export async function deleteUser(userId: number) {
  await destroyUserData(userId, 'user-deletion');
}

export async function wipeRates(userId: number) {
  await plain.remove(`rates:${userId}:*`); // expect: key-drift
}
