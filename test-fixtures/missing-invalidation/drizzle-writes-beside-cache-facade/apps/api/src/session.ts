import { accountCache } from '@shop/kv/account-cache';
import { eq } from 'drizzle-orm';
import { accounts, db } from './db';

export async function currentAccount(id: string) {
  let account = await accountCache.get(id);
  if (!account) {
    [account] = await db.select().from(accounts).where(eq(accounts.id, id));
    if (account) await accountCache.set(id, account);
  }
  return account;
}
