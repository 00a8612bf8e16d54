// valid: `remember` reads `city:<slug>:weather` and `forget` deletes exactly that key
import { forget, remember } from './cache.js';
import { db } from './db.js';

export function cityWeather(slug) {
  return remember(`city:${slug}:weather`, 600, () => db('weather').where({ city: slug }).first());
}

export async function correctWeather(slug, tempC) {
  await db('weather').where({ city: slug }).update({ temp_c: tempC });
  await forget(`city:${slug}:weather`);
}
