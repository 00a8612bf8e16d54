import store from './store';

export async function readCached<T>(key: string): Promise<T | undefined> {
  const raw = await store.get(key);
  return raw ? (JSON.parse(raw) as T) : undefined;
}
