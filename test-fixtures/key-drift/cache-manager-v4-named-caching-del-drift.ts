import { caching } from 'cache-manager';
import { Model } from 'objection';

class Airline extends Model {
  static tableName = 'airlines';
  id!: string;
  name!: string;
}

// cache-manager v4: TTLs in seconds, passed as `{ ttl }`
const memoryCache = caching({ store: 'memory', max: 200, ttl: 600 });

export async function airline(code: string) {
  const hit = await memoryCache.get(`airline:v2:${code}`);
  if (hit) return hit;
  const row = await Airline.query().findById(code);
  await memoryCache.set(`airline:v2:${code}`, row, { ttl: 600 });
  return row;
}

export async function rebrand(code: string, name: string) {
  await Airline.query().patchAndFetchById(code, { name });
  await memoryCache.del(`airline:v1:${code}`); // expect: key-drift
}
