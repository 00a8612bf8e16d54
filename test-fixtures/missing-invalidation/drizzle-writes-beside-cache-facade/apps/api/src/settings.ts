import { accountCache } from '@shop/kv/account-cache';
import { eq } from 'drizzle-orm';
import { accounts, db } from './db';

// look-alike: the same kind of write, followed by the facade's delete
export async function changeLocale(id: string, locale: string) {
  await db.update(accounts).set({ locale }).where(eq(accounts.id, id));
  await accountCache.delete(id);
}
