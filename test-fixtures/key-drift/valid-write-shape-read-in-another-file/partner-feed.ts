// valid: the partner feed still reads the flat `product:<id>` payload, so both shapes are live
import { redis } from './redis';

export async function productForFeed(id: string) {
  const raw = await redis.get(`product:${id}`);
  return raw ? JSON.parse(raw) : null;
}
