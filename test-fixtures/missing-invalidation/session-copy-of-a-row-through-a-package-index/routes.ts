import { Router } from 'express';
import { prisma } from './db';
import { currentMember, invitedBy } from './session';

export const router = Router();

router.get('/me/:id', async (req, res) => res.json(await currentMember(Number(req.params.id))));
router.get('/me/:id/invited', async (req, res) => res.json(await invitedBy(Number(req.params.id))));

router.post('/me/:id/email', async (req, res) => {
  await prisma.member.update({ where: { id: Number(req.params.id) }, data: { email: req.body.email } }); // expect: missing-invalidation
  res.sendStatus(204);
});
