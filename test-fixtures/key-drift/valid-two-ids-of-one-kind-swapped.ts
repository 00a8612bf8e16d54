// valid: a follow edge is cached both ways; unfollowing drops the reverse entry on purpose, and
// two user ids swapped are no tenant/record mix-up
import Redis from 'ioredis';
import { Router } from 'express';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();
export const router = Router();

router.get('/follows/:userId/:targetId', async (req, res) => {
  const { userId, targetId } = req.params;
  const cached = await redis.get(`follow:${userId}:${targetId}`);
  if (cached !== null) return res.json({ following: cached === 'yes' });
  const edge = await prisma.follow.findUnique({ where: { userId_targetId: { userId, targetId } } });
  await redis.set(`follow:${userId}:${targetId}`, edge ? 'yes' : 'no', 'EX', 300);
  res.json({ following: !!edge });
});

router.delete('/follows/:userId/:targetId', async (req, res) => {
  const { userId, targetId } = req.params;
  await prisma.follow.delete({ where: { userId_targetId: { userId, targetId } } });
  await redis.del(`follow:${targetId}:${userId}`);
  await redis.del(`follow:${userId}:${targetId}`);
  res.sendStatus(204);
});
