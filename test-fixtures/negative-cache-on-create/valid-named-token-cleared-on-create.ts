// valid: registering the model deletes the cached marker
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function findModel(name: string) {
  const hit = await redis.get(`model-match:${name}`);
  if (hit === 'MODEL_NOT_FOUND') return null;
  if (hit) return JSON.parse(hit);
  const m = await prisma.model.findFirst({ where: { name } });
  await redis.set(`model-match:${name}`, m ? JSON.stringify(m) : 'MODEL_NOT_FOUND', 'EX', 60);
  return m;
}

export async function registerModel(name: string, provider: string) {
  const m = await prisma.model.create({ data: { name, provider } });
  await redis.del(`model-match:${name}`);
  return m;
}
