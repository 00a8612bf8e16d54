import { PrismaClient, type User } from '@prisma/client';
import { NEGATIVE_TTL_SECONDS, USER_NOT_FOUND } from './constants';
import { redis } from './redis';

const prisma = new PrismaClient();

export async function cachedUser(id: string): Promise<User | null> {
  const raw = await redis.get(`user:${id}`);
  if (raw === USER_NOT_FOUND) return null;
  if (raw) return JSON.parse(raw) as User;
  const user = await prisma.user.findUnique({ where: { id } });
  if (user === null) {
    await redis.set(`user:${id}`, USER_NOT_FOUND, 'EX', NEGATIVE_TTL_SECONDS);
    return null;
  }
  await redis.set(`user:${id}`, JSON.stringify(user), 'EX', 600);
  return user;
}
