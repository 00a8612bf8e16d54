// valid: each write passes its own TTL argument (cache-manager ms, node-cache seconds)
import { caching } from 'cache-manager';
import NodeCache from 'node-cache';

const memory = await caching('memory');
const local = new NodeCache();

export async function cacheRates(rates) {
  await memory.set('fx:rates', rates, 60_000);
  local.set('fx:rates:local', rates, 60);
}
