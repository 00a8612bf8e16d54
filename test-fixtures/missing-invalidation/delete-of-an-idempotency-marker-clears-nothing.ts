// The job drops a stale idempotency marker of the request before crediting the wallet: that
// delete clears a marker (read only to turn repeats away), not the cached wallets.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function walletsOf(userId: string) {
  const hit = await redis.get(`user_wallets:${userId}`);
  if (hit) return JSON.parse(hit);
  const rows = await prisma.wallet.findMany({ where: { userId } });
  await redis.set(`user_wallets:${userId}`, JSON.stringify(rows), 'EX', 300);
  return rows;
}

export async function credit(job: { userId: string; walletId: string; txId: string; amount: number }) {
  const seen = await redis.get(`wallet_request:${job.txId}`);
  if (seen) {
    if (JSON.parse(seen).status === 'success') return;
    await redis.del(`wallet_request:${job.txId}`);
  }
  await prisma.wallet.update({ where: { id: job.walletId }, data: { balance: { increment: job.amount } } }); // expect: missing-invalidation
  await redis.set(`wallet_request:${job.txId}`, JSON.stringify({ status: 'success' }), 'EX', 300);
}

export const handlers = [walletsOf, credit];
