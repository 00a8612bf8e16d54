// Entries carry their own expiry, checked on every read: an expired one is dropped, never served.
import { redisDel, redisGet, redisSet } from './redis';

const EXPIRY_IN_SECONDS = 60;

export async function getCache(key: string) {
  const raw = await redisGet(key);
  if (!raw) return null;
  const props = JSON.parse(raw);
  const expiry = new Date(props.expiry);
  if (new Date().getTime() > expiry.getTime()) {
    await redisDel(key);
    return null;
  }
  return props.data;
}

export async function setCache(key: string, value: unknown) {
  const t = new Date();
  t.setSeconds(t.getSeconds() + EXPIRY_IN_SECONDS);
  await redisSet(key, JSON.stringify({ data: value, expiry: t }));
}
