// valid: the update sets another column (the last login), not the flag the key holds; the key's
// name is another entity's and no value written here is the one cached
import { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { activeStatusCheck, activeStatusUpdate } from './activeStatus';

const prisma = new PrismaClient();
export const router = Router();

async function isActive(userId: string): Promise<boolean> {
  const cached = await activeStatusCheck(userId);
  if (cached !== null) return cached;
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { active: true } });
  activeStatusUpdate(userId, user?.active ?? false);
  return user?.active ?? false;
}

async function login(userId: string, active: boolean) {
  await prisma.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } });
  await activeStatusUpdate(userId, active);
}

router.get('/me/:id', async (req, res) => res.json({ active: await isActive(req.params.id) }));
router.post('/login/:id', async (req, res) => res.json(await login(req.params.id, req.body.active)));
