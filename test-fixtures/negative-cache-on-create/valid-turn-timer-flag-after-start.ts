// valid: an empty value set on every path once a match starts is a turn deadline (only EXISTS reads
// it), not a cached miss of the match looked up before it; creating matches leaves nothing stale
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function startMatch(id: string) {
  const match = await prisma.match.findUnique({ where: { id } });
  if (match == null || match.startedAt) return;
  const board = new Map<string, number>();
  const started = await prisma.match.update({ where: { id }, data: { startedAt: new Date() } });
  if (board.size > 0) return;
  await redis.setex(`match:turn-timer:${started.id}`, started.secondsPerTurn, '');
}

export async function playMove(id: string, cell: number) {
  const match = await prisma.match.update({ where: { id }, data: { lastCell: cell } });
  const board = restoreBoard(match.cells);
  if (board.isOver) {
    await prisma.match.update({ where: { id }, data: { endedAt: new Date() } });
  } else {
    await redis.setex(`match:turn-timer:${match.id}`, match.secondsPerTurn, '');
  }
}

declare function restoreBoard(cells: number[]): { isOver: boolean };

export async function turnTimedOut(id: string) {
  return (await redis.exists(`match:turn-timer:${id}`)) === 0;
}

export async function createMatch(id: string, hostId: string) {
  return prisma.match.create({ data: { id, hostId } });
}
