import { PrismaClient } from '@prisma/client';
import { userByEmailKey } from './keys';
import { redis } from './redis';

const prisma = new PrismaClient();

export async function userIdByEmail(email: string): Promise<string | null> {
  const cached = await redis.get(userByEmailKey(email));
  if (cached === '') return null;
  if (cached) return cached;
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  await redis.set(userByEmailKey(email), user?.id ?? '', 'EX', user ? 3600 : 120);
  return user?.id ?? null;
}
