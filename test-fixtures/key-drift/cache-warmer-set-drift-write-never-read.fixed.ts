import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getLeaderboard(gameId: string) {
  const cached = await redis.get(`leaderboard:v2:${gameId}`);
  if (cached) return JSON.parse(cached);
  const top = await prisma.score.findMany({ where: { gameId }, orderBy: { points: 'desc' }, take: 100 });
  await redis.set(`leaderboard:v2:${gameId}`, JSON.stringify(top), 'EX', 60);
  return top;
}

/** Nightly job: pre-computes every board so the first visitor after midnight gets a warm cache. */
export async function warmLeaderboards() {
  const games = await prisma.game.findMany({ select: { id: true } });
  for (const game of games) {
    const top = await prisma.score.findMany({ where: { gameId: game.id }, orderBy: { points: 'desc' }, take: 100 });
    await redis.set(`leaderboard:v2:${game.id}`, JSON.stringify(top), 'EX', 3600); // expect: key-drift
  }
}
