// A password is checked against the database row at login, not against the cached copy: changing it
// leaves nothing stale that a reader sees, unless a reader does check the cached copy's hash
import Redis from 'ioredis';
import bcrypt from 'bcrypt';
import { PrismaClient } from '@prisma/client';
import { Router } from 'express';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getUser(id: string) {
  const hit = await redis.get(`user:${id}`);
  if (hit) return JSON.parse(hit);
  const user = await prisma.user.findUnique({ where: { id } });
  await redis.set(`user:${id}`, JSON.stringify(user), 'EX', 86_400);
  return user;
}

// valid: only the hash changes, and login reads it from the database
export async function changePassword(id: string, passwordHash: string) {
  await prisma.user.update({ where: { id }, data: { passwordHash } });
}

export async function login(email: string, password: string) {
  const user = await prisma.user.findUnique({ where: { email } });
  return !!user && bcrypt.compare(password, user.passwordHash);
}

// a PIN checked against the cached copy: the old PIN keeps working for a day after a change
export async function getKiosk(id: string) {
  const hit = await redis.get(`kiosk:${id}`);
  if (hit) return JSON.parse(hit);
  const kiosk = await prisma.kiosk.findUnique({ where: { id } });
  await redis.set(`kiosk:${id}`, JSON.stringify(kiosk), 'EX', 86_400);
  return kiosk;
}

export async function unlockKiosk(id: string, pin: string) {
  const kiosk = await getKiosk(id);
  return !!kiosk && bcrypt.compare(pin, kiosk.password);
}

export async function setKioskPin(id: string, password: string) {
  await prisma.kiosk.update({ where: { id }, data: { password } }); // expect: missing-invalidation
}

export const router = Router();
router.get('/users/:id', async (req, res) => res.json(await getUser(req.params.id)));
router.post('/users/:id/password', async (req, res) => res.json(await changePassword(req.params.id, req.body.hash)));
router.post('/login', async (req, res) => res.json(await login(req.body.email, req.body.password)));
router.get('/kiosks/:id', async (req, res) => res.json(await getKiosk(req.params.id)));
router.post('/kiosks/:id/unlock', async (req, res) => res.json(await unlockKiosk(req.params.id, req.body.pin)));
router.post('/kiosks/:id/pin', async (req, res) => res.json(await setKioskPin(req.params.id, req.body.pin)));
