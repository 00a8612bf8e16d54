import { PrismaClient } from '@prisma/client';
import { redis } from './redis';

const prisma = new PrismaClient();

export async function signUp(id: string, email: string) {
  const created = await prisma.user.create({ data: { id, email } }); // expect: negative-cache-on-create
  await redis.publish('user-created', created.id);
  return created;
}
