// valid: a conditional expression either updates the row or fills the cache from a read, never both
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function upsertOrWarm(id: string, title: string | undefined) {
  return title !== undefined
    ? prisma.board.update({ where: { id }, data: { title } })
    : redis.set(`board:${id}`, JSON.stringify(await prisma.board.findUniqueOrThrow({ where: { id } })), 'EX', 120);
}
