import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

// The same shape, but the key is the existing board's: a generated id elsewhere in the call (the
// audit entry's) does not make the key new.
export async function relayoutBoard(id: string, layout: string) {
  const auditId = randomUUID();
  await prisma.audit.create({ data: { id: auditId, action: 'relayout', boardId: id } });
  const board = await prisma.board.update({ where: { id }, data: { layout } });
  await redis.set(`board:${id}`, JSON.stringify(board), 'EX', 600); // expect: set-after-commit
  return board;
}
