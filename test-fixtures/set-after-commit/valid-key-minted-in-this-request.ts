import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

// Look-alike: the board's id is generated here, so no reader can hold an older copy of its key;
// the update after the create only fills in a column of the new row.
export async function duplicateBoard(sourceId: string) {
  const source = await prisma.board.findUniqueOrThrow({ where: { id: sourceId } });
  const id = randomUUID();
  await prisma.board.create({ data: { id, title: `${source.title} (copy)` } });
  const board = await prisma.board.update({ where: { id }, data: { layout: source.layout } });
  await redis.set(`board:${id}`, JSON.stringify(board), 'EX', 600);
  return board;
}
