// valid: the flow deletes a key named for the wallet itself, which invalidates the wallet's caches
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
export async function credit(userId: string, walletId: string, txId: string, amount: number) {
  await prisma.wallet.update({ where: { id: walletId }, data: { balance: { increment: amount } } });
  await redis.del(`wallet_request:${txId}`);
  await redis.del(`wallet:${walletId}`);
}
export const handlers = [walletsOf, credit, requestOf];
export async function requestOf(txId: string) {
  const hit = await redis.get(`wallet_request:${txId}`);
  if (hit) return JSON.parse(hit);
  const r = await prisma.walletRequest.findUnique({ where: { txId } });
  await redis.set(`wallet_request:${txId}`, JSON.stringify(r), "EX", 300);
  return r;
}
