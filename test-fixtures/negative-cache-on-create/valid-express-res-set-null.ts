// valid: Express res.set() sets a response header, not a cache entry
import express from 'express';
import { PrismaClient } from '@prisma/client';

const app = express();
const prisma = new PrismaClient();

app.get('/users/:id', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { id: req.params.id } });
  res.set(`x-user:${req.params.id}`, user ? 'found' : 'null');
  if (!user) return res.status(404).end();
  return res.json(user);
});

app.post('/users', async (req, res) => {
  const user = await prisma.user.create({ data: { id: req.body.id, email: req.body.email } });
  res.status(201).json(user);
});
