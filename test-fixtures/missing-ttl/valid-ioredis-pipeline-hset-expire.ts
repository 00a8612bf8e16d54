// valid: the pipeline expires every key it writes, in the same chain
import Redis from 'ioredis';

const redis = new Redis();

export async function cacheSession(sid: string, userId: string, roles: string[]) {
  await redis.pipeline().hset(`session:${sid}`, { userId, roles: roles.join(',') }).expire(`session:${sid}`, 3600).exec();
}

export async function trackOnline(userId: string, day: string) {
  await redis
    .multi()
    .sadd(`online:${day}`, userId)
    .expire(`online:${day}`, 2 * 86_400)
    .zadd(`last-seen:${day}`, Date.now(), userId)
    .pexpire(`last-seen:${day}`, 2 * 86_400_000)
    .exec();
}
