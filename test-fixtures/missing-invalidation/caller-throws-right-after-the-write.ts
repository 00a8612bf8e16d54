// The transfer path locks the wallet and throws at once; its delete of the cached wallet further on
// runs only after the transfer's own update, never after the lock.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export class Wallets {
  async get(userId: string) {
    const hit = await redis.get(`wallet:${userId}`);
    if (hit) return JSON.parse(hit);
    const row = await prisma.wallet.findFirst({ where: { userId } });
    await redis.set(`wallet:${userId}`, JSON.stringify(row), 'EX', 300);
    return row;
  }

  async lockWallet(userId: string, reason: string) {
    await prisma.wallet.updateMany({ where: { userId }, data: { isLocked: true, lockedReason: reason } }); // expect: missing-invalidation
    return { locked: true };
  }
}

export class Transfers {
  constructor(private readonly wallets: Wallets) {}

  async send(userId: string, amount: number, suspicious: boolean) {
    if (suspicious) {
      await this.wallets.lockWallet(userId, 'velocity');
      throw new Error('locked: suspicious activity');
    }
    await prisma.wallet.updateMany({ where: { userId }, data: { balance: { decrement: amount } } });
    await redis.del(`wallet:${userId}`);
  }
}
