// Runtime code: the same update while the cache holds the list leaves it stale until the TTL.
import { db } from './db';

export async function renameLocale(code: string, nativeName: string) {
  await db('locales').where({ code }).update({ nativeName }); // expect: missing-invalidation
}
