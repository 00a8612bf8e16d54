// The lookup caches a named token when the model does not exist; registering the model never
// clears it, so the new model stays "not found" for a minute.
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
  return prisma.model.create({ data: { name, provider } }); // expect: negative-cache-on-create
}
