import { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { activeStatusCheck, activeStatusUpdate } from './activeStatus';

const prisma = new PrismaClient();
export const router = Router();

// the session check: cached flag first, the user row on a miss
async function isActive(userId: string): Promise<boolean> {
  const cached = await activeStatusCheck(userId);
  if (cached !== null) return cached;
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { active: true } });
  activeStatusUpdate(userId, user?.active ?? false);
  return user?.active ?? false;
}

// an admin switches the account on or off, then writes the flag through
async function setActive(userId: string, active: boolean) {
  const [user] = await Promise.all([
    prisma.user.update({ where: { id: userId }, data: { active }, select: { id: true } }),
    prisma.auditLog.count(),
  ]);
  await activeStatusUpdate(userId, active); // expect: set-after-commit
  return user;
}

router.get('/me/:id', async (req, res) => res.json({ active: await isActive(req.params.id) }));
router.put('/users/:id/active', async (req, res) => res.json(await setActive(req.params.id, req.body.active)));
