// The cache write runs in an async function invoked in place (handed to waitUntil): it still
// follows the database write.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();
declare function waitUntil(p: Promise<unknown>): void;

export async function renameLink(id: string, url: string) {
  const link = await prisma.link.update({ where: { id }, data: { url } });
  waitUntil(
    (async () => {
      await redis.set(`link:${id}`, JSON.stringify(link), 'EX', 3600); // expect: set-after-commit
    })(),
  );
  return link;
}
