import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
const redis = new Redis();
const prisma = new PrismaClient();
type Account = { id: string; name: string; active: boolean };
const accountKey = (id: string) => `acct-cache:account:${id}`;
export async function rememberAccount(acc: Account) {
  await redis.set(accountKey(acc.id), JSON.stringify(acc), 'EX', 600);
}
export async function loadAccount(id: string) {
  const raw = await redis.get(accountKey(id));
  if (raw) return JSON.parse(raw) as Account;
  const acc = await prisma.account.findUnique({ where: { id } });
  if (!acc) return null;
  await rememberAccount(acc);
  return acc;
}
export async function deactivate(id: string) {
  await prisma.account.update({ where: { id }, data: { active: false } }); // expect: missing-invalidation
}
export const handlers = [loadAccount, rememberAccount, deactivate];
