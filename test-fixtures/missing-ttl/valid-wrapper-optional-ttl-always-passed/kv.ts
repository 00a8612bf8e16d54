// valid: put's ttl is optional, but every caller in the project passes one
import Keyv from 'keyv';

const store = new Keyv({ namespace: 'search' });

export const kv = {
  get: (key: string) => store.get(key),
};

export async function put(key: string, value: object, ttlMs?: number) {
  await store.set(key, value, ttlMs);
}
