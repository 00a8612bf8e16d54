import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

async function getAccount(id: string) {
  const raw = await redis.get(`account:${id}`);
  if (raw) return JSON.parse(raw);
  const row = await prisma.account.findUnique({ where: { id } });
  await redis.set(`account:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}

/**
 * The statement line records the account's name and id, but also its balance, read from the cached
 * copy: a payment committed since the copy was cached is missing from the committed line for good.
 */
export async function closeMonth(accountId: string) {
  const account = await getAccount(accountId);
  await prisma.statementLine.create({ data: { accountId: account.id, accountName: account.name, closingBalance: account.balance } }); // expect: write-from-cache
}
