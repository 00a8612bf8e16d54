// valid: a TypeORM subscriber deletes in afterTransactionCommit, after the data is committed.
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { DataSource, EntitySubscriberInterface, EventSubscriber, TransactionCommitEvent } from 'typeorm';

@Injectable()
@EventSubscriber()
export class SettingsSubscriber implements EntitySubscriberInterface {
  constructor(
    dataSource: DataSource,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {
    dataSource.subscribers.push(this);
  }

  async afterTransactionCommit(event: TransactionCommitEvent) {
    await this.cache.del('settings:global');
  }
}
