// The user row is cached as a hash under USER_<id> and nothing ever expires it: a profile update
// that forgets the cache leaves the old row there for good.
import { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { CKEY, hgetAll, hset } from './redis';

const prisma = new PrismaClient();

export const userById = async (id: string) => {
  const key = [CKEY.USER, id];
  const cached = await hgetAll(key);
  if (cached) return cached;
  const user = await prisma.user.findFirst({ where: { id } });
  if (!user) return null;
  await hset(key, user); // expect: missing-ttl
  return user;
};

export const router = Router();
router.get('/users/:id', async (req, res) => res.json(await userById(req.params.id)));
