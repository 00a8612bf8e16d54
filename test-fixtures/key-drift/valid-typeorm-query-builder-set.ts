// valid: TypeORM's query builder `.set({...})` is not a cache write; the invalidation matches the read
import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Account } from './account.entity';

@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  private key(id: number): string {
    return `account:v2:${id}`;
  }

  async get(id: number): Promise<Account | null> {
    const hit = await this.redis.get(this.key(id));
    if (hit) return JSON.parse(hit);
    const account = await this.dataSource.getRepository(Account).findOneBy({ id });
    if (account) await this.redis.set(this.key(id), JSON.stringify(account), 'EX', 120);
    return account;
  }

  async suspend(id: number): Promise<void> {
    await this.dataSource.createQueryBuilder().update(Account).set({ suspended: true }).where('id = :id', { id }).execute();
    await this.redis.del(`account:v2:${id}`);
  }
}
