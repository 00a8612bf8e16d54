import Redis from 'ioredis';

export const redis = new Redis();

/** Deletes the cached links; the domain defaults to the main one. */
export async function invalidateLinks(slugs: string[], domain = 'example.com') {
  for (const slug of slugs) await redis.del(`link:${domain}:${slug}`);
}
