import { NamespacedStore } from './store';

const store = new NamespacedStore('account');

// The facade the apps import: its `set` and `delete` are the cache's, not the query builder's.
export const accountCache = {
  get: (id: string) => store.get<Record<string, unknown>>(id),
  set: (id: string, value: unknown) => store.set(id, value),
  delete: (id: string) => store.delete(id),
};
