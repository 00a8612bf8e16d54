// valid: a new log row takes only identifiers from the cached webhook config (`uid`, `canvasId`);
// identifiers of a row do not go stale, and the row written is a new one
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

async function webhookConfig(id: string) {
  const raw = await redis.get(`webhook:${id}`);
  if (raw) return JSON.parse(raw);
  const row = await prisma.webhook.findUniqueOrThrow({ where: { id } });
  await redis.set(`webhook:${id}`, JSON.stringify(row), 'EX', 300);
  return row;
}

export async function trigger(id: string, payload: unknown) {
  const config = await webhookConfig(id);
  if (!config.enabled) throw new Error('disabled');
  await prisma.webhookRun.create({ data: { uid: config.uid, sourceCanvasId: config.canvasId, payload: JSON.stringify(payload) } });
}
