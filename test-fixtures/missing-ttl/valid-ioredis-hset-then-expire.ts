// valid: each collection write is followed by an expire/pexpire of the same key in the same function
import Redis from 'ioredis';

const redis = new Redis();

export async function cacheCart(userId: string, items: Record<string, string>) {
  await redis.hset(`cart:${userId}`, items);
  await redis.expire(`cart:${userId}`, 1800);
}

export async function rememberTags(postId: string, tags: string[]) {
  const key = `post:${postId}:tags`;
  await redis.sadd(key, ...tags);
  await redis.pexpire(key, 3_600_000);
}

export async function pushNotification(userId: string, payload: string) {
  await redis.lpush(`inbox:${userId}`, payload);
  await redis.ltrim(`inbox:${userId}`, 0, 99);
  await redis.expire(`inbox:${userId}`, 7 * 86_400);
}
