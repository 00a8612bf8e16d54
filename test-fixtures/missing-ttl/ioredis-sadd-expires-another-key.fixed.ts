// config: {"missingTtl": "all-writes"}
import Redis from 'ioredis';

const redis = new Redis();

/** The expire targets the day's counter, not the set of tag members. */
export async function tagArticle(articleId: string, tag: string, day: string) {
  await redis.sadd(`tag:${tag}:articles`, articleId); // expect: missing-ttl
  await redis.expire(`tag:${tag}:articles`, 300);
  await redis.incr(`tag:${tag}:hits:${day}`);
  await redis.expire(`tag:${tag}:hits:${day}`, 86_400);
}
