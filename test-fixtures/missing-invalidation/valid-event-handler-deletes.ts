// valid: the write emits an event whose handler deletes the cached row
import Redis from 'ioredis';
import { EventEmitter } from 'node:events';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();
const events = new EventEmitter();

export async function getUser(id: string) {
  const hit = await redis.get(`user:${id}`);
  if (hit) return JSON.parse(hit);
  const user = await prisma.user.findUnique({ where: { id } });
  await redis.set(`user:${id}`, JSON.stringify(user), 'EX', 600);
  return user;
}

export async function renameUser(id: string, name: string) {
  await prisma.user.update({ where: { id }, data: { name } });
  events.emit('user.updated', id);
}

events.on('user.updated', async (id: string) => {
  await redis.del(`user:${id}`);
});
