// The evict helper deletes the bare id, while the helpers beside it read and write `user_${id}`:
// every evict deletes nothing.
import Redis from 'ioredis';

const redis = new Redis();

export async function getCachedUser(userId: string) {
  const raw = await redis.get(`user_${userId}`);
  return raw ? JSON.parse(raw) : null;
}

export async function cacheUser(user: { id: string }) {
  await redis.set(`user_${user.id}`, JSON.stringify(user), 'EX', 3600);
}

export async function evictCachedUser(userId: string) {
  await redis.del(`${userId}`); // expect: key-drift
}
