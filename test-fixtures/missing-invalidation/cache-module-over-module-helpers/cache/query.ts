// Generic helpers over the client: values are strings, JSON goes through setJson/getJson.
import cache from '.';

export async function setValue(key: string, value: string | number, expireAt: Date | null = null) {
  if (expireAt) return cache.pExpireAt(key, expireAt.getTime()).then(() => cache.set(key, `${value}`));
  return cache.set(key, `${value}`, { PX: 3_600_000 });
}

export async function getValue(key: string) {
  return cache.get(key);
}

export async function delByKey(key: string) {
  return cache.del(key);
}

export async function setJson(key: string, value: Record<string, unknown>, expireAt: Date | null = null) {
  const json = JSON.stringify(value);
  return setValue(key, json, expireAt);
}

export async function getJson<T>(key: string) {
  const json = await getValue(key);
  return json ? (JSON.parse(json) as T) : null;
}
