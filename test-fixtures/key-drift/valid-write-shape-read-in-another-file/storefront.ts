// valid: the storefront reads the v2 shape another file writes
import { redis } from './redis';

/** The storefront moved to v2 payloads (with variants). */
export async function productForStorefront(id: string) {
  const raw = await redis.get(`product:v2:${id}`);
  return raw ? JSON.parse(raw) : null;
}
