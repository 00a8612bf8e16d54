// valid: the create runs inside a transaction and the marker is deleted once it has committed
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getWallet(ownerId: string) {
  const cached = await redis.get(`wallet:${ownerId}`);
  if (cached === 'null') return null;
  if (cached) return JSON.parse(cached);
  const wallet = await prisma.wallet.findUnique({ where: { ownerId } });
  await redis.set(`wallet:${ownerId}`, wallet ? JSON.stringify(wallet) : 'null', 'EX', wallet ? 300 : 30);
  return wallet;
}

export async function openWallet(ownerId: string) {
  const wallet = await prisma.$transaction(async (tx) => {
    const created = await tx.wallet.create({ data: { ownerId, balanceCents: 0 } });
    await tx.ledgerEntry.create({ data: { walletId: created.id, amountCents: 0, reason: 'open' } });
    return created;
  });
  await redis.del(`wallet:${ownerId}`);
  return wallet;
}
