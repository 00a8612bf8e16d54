// valid: the queue id doubles as an idempotency key; exists() guards the insert, and what is
// stored is built from the request (Redis is the transactions' store, not a cache of anything)
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function insertTransaction(queueId: string, tx: { from: string; to: string; value: string }) {
  if (await redis.exists(`transaction:${queueId}`)) return queueId;
  const wallet = await prisma.wallet.findUniqueOrThrow({ where: { address: tx.from } });
  const queued = { ...tx, queueId, status: 'queued', walletId: wallet.id, queuedAt: Date.now() };
  await redis.set(`transaction:${queueId}`, JSON.stringify(queued));
  await redis.zadd('transaction:queued', Date.now(), queueId);
  return queueId;
}
