// valid: the TypeORM query builder's `.set({...})` is the SQL SET clause; the cache key is deleted afterwards
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Cache } from 'cache-manager';
import { DataSource } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async archive(id: number): Promise<void> {
    await this.dataSource.createQueryBuilder().update(Order).set({ archivedAt: () => 'NOW()' }).where('id = :id', { id }).execute();
    await this.cache.del(`order:${id}`);
  }
}
