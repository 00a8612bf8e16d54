// A service's cache helper named for what it does (deleteCacheById) runs before the service's write:
// in the controller, and for each id of a bulk delete. Its callers choose the key, so the finding is
// at their call; a method not named for the cache is judged where its own delete is.
import { Injectable } from '@nestjs/common';
import { CacheService } from './cache.service';
import { Keys } from './keys';
import { db, accounts } from './db';
import { eq } from 'drizzle-orm';

@Injectable()
export class AccountService {
  constructor(private readonly cacheService: CacheService) {}
  async deleteCacheById(id: string, organizationId: string) {
    await this.cacheService.delete(Keys.Account.idByOrg(id, organizationId));
  }
  async getRecordById(id: string, organizationId: string) {
    return this.cacheService.wrapCache(Keys.Account.idByOrg(id, organizationId), async () => (await db.select().from(accounts).where(eq(accounts.id, id)))[0], 60000);
  }
  /** Not named for the cache: a service method whose own early delete is reported where it is. */
  async touch(id: string, organizationId: string) {
    await this.cacheService.delete(Keys.Account.idByOrg(id, organizationId)); // expect: invalidate-before-commit
    await db.update(accounts).set({ touchedAt: new Date() }).where(eq(accounts.id, id));
  }
  async updateRecordById(id: string, organizationId: string, record: object) {
    return await db.update(accounts).set(record).where(eq(accounts.id, id)).returning();
  }
}
