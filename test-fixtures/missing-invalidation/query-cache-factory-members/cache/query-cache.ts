import Keyv from 'keyv';
import KeyvRedis from '@keyv/redis';

let shared: Keyv | undefined;

export async function cacheStore(): Promise<Keyv> {
  if (!shared) shared = new Keyv({ store: new KeyvRedis(process.env.REDIS_URL), ttl: 5 * 60 * 1000 });
  return shared;
}

// A factory of read-through closures: the prefix is a const of its own body, the closures are
// locals returned by name, their arguments (any number) are JSON-encoded into the key.
export function queryCache<T, A extends unknown[]>(name: string, load: (...args: A) => Promise<T>) {
  const prefix = `qc:${name}`;
  const keyFor = (...args: A) => [prefix, ...args.map((a) => JSON.stringify(a))].join('|');

  const read = async (...args: A): Promise<T> => {
    const key = keyFor(...args);
    const store = await cacheStore();
    const hit = await store.get(key);
    if (hit) {
      try {
        const value = JSON.parse(String(hit)) as T;
        return value;
      } catch {
        // a broken entry is loaded again
      }
    }
    const fresh = await load(...args);
    if (fresh != null) await store.set(key, JSON.stringify(fresh));
    return fresh;
  };

  const drop = async (...args: A) => {
    const store = await cacheStore();
    await store.delete(keyFor(...args));
  };

  return { read, drop };
}
