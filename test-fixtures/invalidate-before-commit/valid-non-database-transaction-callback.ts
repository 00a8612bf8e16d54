// valid: TinyBase's `store.transaction` batches in-memory changes; no database write is pending.
import Redis from 'ioredis';
import { createStore } from 'tinybase';

const store = createStore();
const redis = new Redis();

export async function applyDraft(docId: string, title: string) {
  store.transaction(() => {
    store.setCell('docs', docId, 'title', title);
    store.setCell('docs', docId, 'dirty', true);
  });
  await redis.del(`doc-preview:${docId}`);
}
