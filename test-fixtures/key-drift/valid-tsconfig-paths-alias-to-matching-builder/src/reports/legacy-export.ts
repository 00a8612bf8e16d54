// valid: a leftover reader of the v2 layout; it only reads
import { redis } from '../infra/cache/redis';

export async function exportedProduct(id: string) {
  const cached = await redis.get(`catalog:product:v2:${id}`);
  return cached === null ? undefined : JSON.parse(cached);
}
