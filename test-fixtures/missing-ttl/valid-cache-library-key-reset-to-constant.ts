// valid: a key of the cache store that is only ever reset to a constant holds app state, not a copy of any source
import Keyv from 'keyv';

const store = new Keyv();

export async function onServerReady() {
  await store.set('plugins:loaded', []);
}

export async function onShutdown() {
  await store.set('plugins:loaded', []);
}
