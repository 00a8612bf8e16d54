// valid: `memo.store` is a Map (its `set` is no cache write); only clients are followed into objects
import { PrismaClient } from '@prisma/client';
import memo from './lib/memo';

const prisma = new PrismaClient();

export async function resetWebsite(websiteId: string) {
  const data = await prisma.website.update({ where: { id: websiteId }, data: { resetAt: new Date() } });
  if (memo.enabled) memo.store.set(`website:${websiteId}`, data);
  return data;
}
