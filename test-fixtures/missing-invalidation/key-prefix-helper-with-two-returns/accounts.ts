import Redis from 'ioredis';
import { Router } from 'express';
import { PrismaClient } from '@prisma/client';
import { CacheService } from './cache.service';

const prisma = new PrismaClient();
const cache = new CacheService(new Redis(), process.env.CACHE_PREFIX ?? '');

async function getAccount(id: string) {
  const hit = await cache.get(`account:${id}`);
  if (hit) return JSON.parse(hit);
  const account = await prisma.account.findUnique({ where: { id } });
  await cache.set(`account:${id}`, JSON.stringify(account), 600);
  return account;
}

async function renameAccount(id: string, name: string) {
  await prisma.account.update({ where: { id }, data: { name } }); // expect: missing-invalidation
}

async function closeAccount(id: string) {
  await prisma.account.update({ where: { id }, data: { closed: true } });
  await cache.deleteByKey(`account:${id}`);
}

export const router = Router();
router.get('/accounts/:id', async (req, res) => res.json(await getAccount(req.params.id)));
router.patch('/accounts/:id', async (req, res) => res.json(await renameAccount(req.params.id, req.body.name)));
router.delete('/accounts/:id', async (req, res) => res.json(await closeAccount(req.params.id)));
