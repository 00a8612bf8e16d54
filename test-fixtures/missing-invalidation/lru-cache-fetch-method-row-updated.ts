// lru-cache's own read-through: `fetch(id)` calls the store's `fetchMethod` on a miss and keeps
// what it returns, here the plan row loaded by its id. An update of the plan that leaves the
// entry in place is served from this process for up to ten minutes.
import { LRUCache } from 'lru-cache';
import { Router } from 'express';
import { PrismaClient, type Plan, type Member } from '@prisma/client';

const prisma = new PrismaClient();

const plans = new LRUCache<string, Plan>({
  max: 1000,
  ttl: 10 * 60 * 1000,
  fetchMethod: async (id) => (await prisma.plan.findUnique({ where: { id } })) ?? undefined,
});

// a member looked up by email, a column of its own: no copy of a row by its id
const membersByEmail = new LRUCache<string, Member>({
  max: 1000,
  fetchMethod: async (email) => (await prisma.member.findUnique({ where: { email } })) ?? undefined,
});

export const billing = Router();

billing.get('/plans/:id', async (req, res) => res.json(await plans.fetch(req.params.id)));
billing.get('/members/:email', async (req, res) => res.json(await membersByEmail.fetch(req.params.email)));

billing.put('/plans/:id/price', async (req, res) => {
  await prisma.plan.update({ where: { id: req.params.id }, data: { price: req.body.price } }); // expect: missing-invalidation
  res.json({ ok: true });
});

// look-alike: the entry is dropped after the update
billing.put('/plans/:id/name', async (req, res) => {
  await prisma.plan.update({ where: { id: req.params.id }, data: { name: req.body.name } });
  plans.delete(req.params.id);
  res.json({ ok: true });
});

// look-alike: nothing links the email-keyed store to members by id
billing.put('/members/:id', async (req, res) => {
  await prisma.member.update({ where: { id: req.params.id }, data: { name: req.body.name } });
  res.json({ ok: true });
});
