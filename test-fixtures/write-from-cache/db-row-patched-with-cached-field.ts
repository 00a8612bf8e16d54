import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import { InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { Wallet } from './wallet.entity';

@Injectable()
export class WalletService {
  constructor(
    @InjectRepository(Wallet) private readonly wallets: Repository<Wallet>,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async balance(id: string) {
    const hit = await this.redis.get(`wallet:${id}`);
    if (hit) return JSON.parse(hit);
    const row = await this.wallets.findOneBy({ id });
    await this.redis.set(`wallet:${id}`, JSON.stringify(row), 'EX', 60);
    return row;
  }

  /** The row is loaded, but the new balance is computed from the cached one. */
  async deposit(id: string, amount: number) {
    const cached = JSON.parse((await this.redis.get(`wallet:${id}`)) ?? 'null');
    const wallet = await this.wallets.findOneByOrFail({ id });
    wallet.balance = cached.balance + amount;
    await this.wallets.save(wallet); // expect: write-from-cache
    await this.redis.del(`wallet:${id}`);
  }
}
