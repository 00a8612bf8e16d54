import express from 'express';
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const app = express();
const redis = new Redis(process.env.REDIS_URL!);
const prisma = new PrismaClient();

app.get('/devices/:serial', async (req, res) => {
  const key = `device:${req.params.serial}`;
  const cached = await redis.get(key);
  if (cached === 'null') return res.status(404).end();
  if (cached) return res.json(JSON.parse(cached));
  const device = await prisma.device.findUnique({ where: { serial: req.params.serial } });
  await redis.set(key, device ? JSON.stringify(device) : 'null', 'EX', device ? 600 : 30);
  return device ? res.json(device) : res.status(404).end();
});

app.put('/devices/:serial', async (req, res) => {
  const device = await prisma.device.upsert({ // expect: negative-cache-on-create
    where: { serial: req.params.serial },
    create: { serial: req.params.serial, model: req.body.model },
    update: { model: req.body.model },
  });
  res.status(201).json(device);
});

app.listen(3000);
