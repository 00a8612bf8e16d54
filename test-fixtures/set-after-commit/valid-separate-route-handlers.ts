// valid: the update runs in the PUT handler and the cache fill in the GET handler: two flows in one module
import express from 'express';
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();
export const router = express.Router();

router.put('/recipes/:id', async (req, res) => {
  const recipe = await prisma.recipe.update({ where: { id: req.params.id }, data: { title: req.body.title } });
  await redis.del(`recipe:${req.params.id}`);
  res.json(recipe);
});

router.get('/recipes/:id', async (req, res) => {
  const cached = await redis.get(`recipe:${req.params.id}`);
  if (cached) return res.type('json').send(cached);
  const recipe = await prisma.recipe.findUnique({ where: { id: req.params.id } });
  if (!recipe) return res.sendStatus(404);
  await redis.set(`recipe:${req.params.id}`, JSON.stringify(recipe), 'EX', 600);
  res.json(recipe);
});
