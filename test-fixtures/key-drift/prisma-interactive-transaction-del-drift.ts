import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import type { Redis } from 'ioredis';
import { PrismaService } from './prisma.service';

@Injectable()
export class WalletService {
  constructor(
    private readonly prisma: PrismaService,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async balance(walletId: string): Promise<number> {
    const cached = await this.redis.get(`wallet:${walletId}:balance`);
    if (cached !== null) return Number(cached);
    const wallet = await this.prisma.wallet.findUniqueOrThrow({ where: { id: walletId } });
    await this.redis.set(`wallet:${walletId}:balance`, String(wallet.balanceCents), 'EX', 30);
    return wallet.balanceCents;
  }

  async transfer(fromId: string, toId: string, cents: number): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.wallet.update({ where: { id: fromId }, data: { balanceCents: { decrement: cents } } });
      await tx.wallet.update({ where: { id: toId }, data: { balanceCents: { increment: cents } } });
    });
    await this.redis
      .pipeline()
      .del(`wallets:${fromId}:balance`) // expect: key-drift
      .del(`wallets:${toId}:balance`) // expect: key-drift
      .exec();
  }
}
