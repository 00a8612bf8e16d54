// config: {"missingTtl": "all-writes"}
// valid: SET NX takes a per-window rate-limit slot; a lock or marker is no cache
import { Redis } from 'ioredis';

export class RateLimiter {
  private readonly redis = new Redis(process.env.REDIS_URL!);

  /** First caller of the minute wins; NX alone leaves the key in Redis forever. */
  async firstInWindow(userId: string, windowStart: number): Promise<boolean> {
    const ok = await this.redis.set(`ratelimit:${userId}:${windowStart}`, '1', 'NX');
    return ok === 'OK';
  }
}
