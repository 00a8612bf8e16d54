// The same layout, but the read never looks at the stamp: an entry is served however old it is.
import { redisGet, redisSet } from './redis';

export async function getStamped(key: string) {
  const raw = await redisGet(key);
  return raw ? JSON.parse(raw).data : null;
}

export async function setStamped(key: string, value: unknown) {
  await redisSet(key, JSON.stringify({ data: value, savedAt: Date.now() }));
}
