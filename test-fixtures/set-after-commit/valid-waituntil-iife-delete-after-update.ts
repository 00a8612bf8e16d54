// valid: the write is followed by a delete, run in place through waitUntil
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();
declare function waitUntil(p: Promise<unknown>): void;

export async function renameLink(id: string, url: string) {
  const link = await prisma.link.update({ where: { id }, data: { url } });
  waitUntil(
    (async () => {
      await redis.del(`link:${id}`);
    })(),
  );
  return link;
}
