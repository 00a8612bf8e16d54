import { Injectable } from '@nestjs/common';
import { inArray } from 'drizzle-orm';
import { AccountService } from './account.service';
import { db, accounts } from './db';

@Injectable()
export class BulkService {
  constructor(private readonly accountService: AccountService) {}

  async deleteRecordsByIds(ids: string[], organizationId: string) {
    await Promise.all(ids.map((id) => this.accountService.deleteCacheById(id, organizationId))); // expect: invalidate-before-commit
    return await db.delete(accounts).where(inArray(accounts.id, ids)).returning();
  }
}
