// valid: the create overwrites the not-found marker with the new record under the same key
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getBoard(id: string) {
  const cached = await redis.get(`board:${id}`);
  if (cached === 'null') return null;
  if (cached) return JSON.parse(cached);
  const board = await prisma.board.findUnique({ where: { id } });
  await redis.set(`board:${id}`, board ? JSON.stringify(board) : 'null', 'EX', board ? 600 : 60);
  return board;
}

export async function createBoard(id: string, title: string) {
  const board = await prisma.board.create({ data: { id, title } });
  await redis.set(`board:${board.id}`, JSON.stringify(board), 'EX', 600);
  return board;
}
