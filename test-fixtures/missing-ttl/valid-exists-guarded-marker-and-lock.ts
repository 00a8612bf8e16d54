// valid: an "already processed" marker tested with exists() before the work, and a lock tested
// with get(): the code after the test does the work, it does not reload what the key holds
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function handle(eventId: string) {
  if (await redis.exists(`processed:${eventId}`)) return;
  const ev = await prisma.event.findUnique({ where: { id: eventId } });
  await prisma.order.update({ where: { id: ev!.orderId }, data: { paid: true } });
  await redis.set(`processed:${eventId}`, '1');
}

export async function claim(id: string) {
  if (await redis.get(`lock:${id}`)) return false;
  const job = await prisma.job.findUnique({ where: { id } });
  await redis.set(`lock:${id}`, JSON.stringify(job), 'EX', 30, 'NX');
  return true;
}
