// valid: the key records how a request ended (`{ status: 'success' }`) so a redelivered job or a
// repeated request is skipped; every read only checks it and leaves. No copy of a row is read from
// it, so a set after the status update races no reader.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
const prisma = new PrismaClient();

export async function handleTopUp(job: { txId: string; walletId: string; amount: number }) {
  const key = `topup_request:${job.txId}`;
  const seen = await redis.get(key);
  if (seen) {
    const parsed = JSON.parse(seen);
    if (parsed.status === 'success' || parsed.status === 'failed') {
      console.log(`top-up ${job.txId} already handled (${parsed.status})`);
      return;
    }
  }
  try {
    await prisma.wallet.update({ where: { id: job.walletId }, data: { balance: { increment: job.amount } } });
    await prisma.topupRequest.update({ where: { txId: job.txId }, data: { status: 'success' } });
    await redis.set(key, JSON.stringify({ status: 'success' }), 'EX', 300);
  } catch (err) {
    await prisma.topupRequest.updateMany({ where: { txId: job.txId }, data: { status: 'failed' } });
    await redis.set(key, JSON.stringify({ status: 'failed' }), 'EX', 300);
    throw err;
  }
}

export async function requestTopUp(txId: string) {
  const key = `topup_request:${txId}`;
  const cached = await redis.get(key);
  if (cached && JSON.parse(cached).status === 'success') throw new Error('duplicate top-up request');
  const existing = await prisma.topupRequest.findUnique({ where: { txId } });
  if (existing?.status === 'success') {
    await redis.set(key, JSON.stringify(existing), 'EX', 300);
    throw new Error('duplicate top-up request');
  }
  return prisma.topupRequest.create({ data: { txId, status: 'pending' } });
}

// a repeated request is answered with a conflict that echoes what was recorded: still no data served
export async function repeatTopUp(txId: string) {
  const key = `topup_request:${txId}`;
  const hit = await redis.get(key);
  if (hit) return { statusCode: 409, status: 'duplicate', data: JSON.parse(hit) };
  return { statusCode: 202, status: 'accepted' };
}
