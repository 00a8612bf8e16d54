// valid: the builder is reached through a barrel (`export * from './keys'`); the warmer writes the
// same `product:v2:<id>` shape by hand, and the legacy widget's key is read where it is written
import { CacheKeys, redis } from './cache';

export async function product(id: string) {
  const hit = await redis.get(CacheKeys.product(id));
  return hit ? JSON.parse(hit) : null;
}

export async function legacyWidget(id: string) {
  const hit = await redis.get(`product:${id}`);
  return hit ? JSON.parse(hit) : null;
}
