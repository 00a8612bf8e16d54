import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const redis = createClient();
const prisma = new PrismaClient();

export async function author(id: string) {
  const raw = await redis.get(`author:${id}`);
  if (raw) return JSON.parse(raw);
  const a = await prisma.author.findUnique({ where: { id } });
  await redis.set(`author:${id}`, JSON.stringify(a), { EX: 600 });
  return a;
}

export async function books(authorId: string) {
  const raw = await redis.get(`author:${authorId}:books`);
  if (raw) return JSON.parse(raw);
  const list = await prisma.book.findMany({ where: { authorId } });
  await redis.set(`author:${authorId}:books`, JSON.stringify(list), { EX: 600 });
  return list;
}

export async function mergeAuthors(keepId: string, dropId: string) {
  await prisma.book.updateMany({ where: { authorId: dropId }, data: { authorId: keepId } });
  await prisma.author.delete({ where: { id: dropId } });
  // node-redis takes several keys as an array: the facts layer sees the array as one unknown key
  await redis.del([`author:${dropId}`, `author:${keepId}:books`]); // expect: key-drift
}
