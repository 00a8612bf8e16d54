// A set after the write inside the transaction is set-after-commit's finding, not this rule's.
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const redis = new Redis();

export async function rename(id: string, name: string) {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id }, data: { name } });
    await redis.set(`user:${id}`, JSON.stringify(user), 'EX', 600); // expect: set-after-commit
  });
}
