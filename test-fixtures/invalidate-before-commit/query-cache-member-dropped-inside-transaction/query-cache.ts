import Keyv from 'keyv';

const store = new Keyv({ ttl: 60_000 });

// read-through closures returned by name; the key joins the prefix and the JSON-encoded arguments
export function queryCache<T, A extends unknown[]>(name: string, load: (...args: A) => Promise<T>) {
  const prefix = `qc:${name}`;
  const keyFor = (...args: A) => [prefix, ...args.map((a) => JSON.stringify(a))].join('|');
  const read = async (...args: A): Promise<T> => {
    const hit = await store.get(keyFor(...args));
    if (hit !== undefined) return hit as T;
    const fresh = await load(...args);
    await store.set(keyFor(...args), fresh);
    return fresh;
  };
  const drop = async (...args: A) => {
    await store.delete(keyFor(...args));
  };
  return { read, drop };
}
