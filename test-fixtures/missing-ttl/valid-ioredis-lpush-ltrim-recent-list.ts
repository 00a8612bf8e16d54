// config: {"missingTtl": "all-writes"}
// valid: a list trimmed with LTRIM is a capped buffer kept as the primary store, not a cache
import Redis from 'ioredis';

const redis = new Redis();

export async function recordView(userId: string, productId: string) {
  await redis.lpush(`recent:${userId}`, productId);
  await redis.ltrim(`recent:${userId}`, 0, 19);
}

/** Called from a nightly job, not from recordView: most lists never get here. */
export async function refreshRecentTtl(userId: string) {
  await redis.expire(`recent:${userId}`, 7 * 86_400);
}
