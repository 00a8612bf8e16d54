import cache from '@adonisjs/cache/services/main';
import Redis from 'ioredis';
import { Router } from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const redis = new Redis();

// bentocache keeps an entry 30 minutes unless told otherwise
export function getProfile(id: string) {
  return cache.getOrSet({ key: `profile:${id}`, factory: () => prisma.profile.findUnique({ where: { id } }) });
}

export async function warmProfile(id: string) {
  const profile = await prisma.profile.findUnique({ where: { id } });
  await cache.set({ key: `profile:${id}`, value: profile });
}

// `setForever` says the entry is meant to stay
export async function pinPlans() {
  const plans = await prisma.plan.findMany();
  await cache.setForever({ key: 'plans', value: plans });
}

// a Redis SET has no default: this copy stays until something deletes it
export async function getBadge(id: string) {
  const hit = await redis.get(`badge:${id}`);
  if (hit) return JSON.parse(hit);
  const badge = await prisma.badge.findUnique({ where: { id } });
  await redis.set(`badge:${id}`, JSON.stringify(badge)); // expect: missing-ttl
  return badge;
}

export const router = Router();
router.get('/profiles/:id', async (req, res) => res.json(await getProfile(req.params.id)));
router.post('/profiles/:id/warm', async (req, res) => res.json(await warmProfile(req.params.id)));
router.post('/plans/pin', async (_req, res) => res.json(await pinPlans()));
router.get('/badges/:id', async (req, res) => res.json(await getBadge(req.params.id)));
