import { PrismaClient } from '@prisma/client';
import { userByEmailKey as emailKey } from './keys';
import { redis } from './redis';

const prisma = new PrismaClient();

export async function register(email: string, passwordHash: string) {
  const account = await prisma.user.create({ data: { email, passwordHash } }); // expect: negative-cache-on-create
  await redis.del(emailKey(account.email));
  await redis.publish('signups', account.id);
  return { id: account.id, emailKey: emailKey(account.email) };
}
