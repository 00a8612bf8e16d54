// An in-process map keyed by the row's id itself (no literal text in the key): the value is the
// row findUnique loads by that id, so it is a copy of that row
import { LRUCache } from 'lru-cache';
import { Router } from 'express';
import { PrismaClient, type Tenant, type Member } from '@prisma/client';

const prisma = new PrismaClient();

const tenants = new LRUCache<string, Tenant>({ max: 1000, ttl: 3_600_000 });
const membersByEmail = new LRUCache<string, Member>({ max: 1000, ttl: 600_000 });

export async function getTenant(id: string) {
  const hit = tenants.get(id);
  if (hit) return hit;
  const row = await prisma.tenant.findUnique({ where: { id } });
  if (row) tenants.set(id, row);
  return row;
}

/** A suspended tenant keeps working from this process's copy for up to an hour. */
export async function suspendTenant(id: string) {
  await prisma.tenant.update({ where: { id }, data: { suspended: true } }); // expect: missing-invalidation
}

// valid: the copy is dropped once the row has changed
export async function renameTenant(id: string, name: string) {
  await prisma.tenant.update({ where: { id }, data: { name } });
  tenants.delete(id);
}

// a member looked up by email, a column of its own: no copy of a row by its id
export async function memberByEmail(email: string) {
  const hit = membersByEmail.get(email);
  if (hit) return hit;
  const row = await prisma.member.findUnique({ where: { email } });
  if (row) membersByEmail.set(email, row);
  return row;
}

// valid: nothing links the email map to members by id
export async function promoteMember(id: string) {
  await prisma.member.update({ where: { id }, data: { role: 'admin' } });
}

export const router = Router();
router.get('/tenants/:id', async (req, res) => res.json(await getTenant(req.params.id)));
router.post('/tenants/:id/suspend', async (req, res) => res.json(await suspendTenant(req.params.id)));
router.patch('/tenants/:id', async (req, res) => res.json(await renameTenant(req.params.id, req.body.name)));
router.get('/members', async (req, res) => res.json(await memberByEmail(String(req.query.email))));
router.post('/members/:id/promote', async (req, res) => res.json(await promoteMember(req.params.id)));
