// config: {"missingTtl": "all-writes"}
import Redis from 'ioredis';

const redis = new Redis();

/** A body without braces: the fix cannot add an expire line without changing what runs when. */
export async function follow(followerId: string, authorId: string, notify: boolean) {
  if (notify) await redis.sadd(`followers:${authorId}`, followerId); // expect: missing-ttl
  return notify;
}
