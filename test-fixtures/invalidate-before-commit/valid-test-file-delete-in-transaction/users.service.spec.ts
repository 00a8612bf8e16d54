// valid: a test clears the cache inside a transaction it rolls back; tests are not report sites.
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const redis = new Redis();

it('renames', async () => {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: 'u1' }, data: { name: 'n' } });
    await redis.del('user:u1');
  });
});
