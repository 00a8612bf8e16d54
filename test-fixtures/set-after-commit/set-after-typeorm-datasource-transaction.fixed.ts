// TypeORM transaction callback: the manager's update commits when the callback resolves; the
// cache is written right after.
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Wallet } from './wallet.entity';

export class WalletService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
  ) {}

  async credit(walletId: string, amountCents: number): Promise<Wallet> {
    const wallet = await this.dataSource.transaction(async (manager) => {
      await manager.increment(Wallet, { id: walletId }, 'balanceCents', amountCents);
      return manager.findOneByOrFail(Wallet, { id: walletId });
    });
    await this.redis.del(`wallet:${walletId}`); // expect: set-after-commit
    return wallet;
  }
}
