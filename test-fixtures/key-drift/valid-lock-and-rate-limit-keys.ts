// valid: lock and rate-limit keys are their own entities (`lock`, `ratelimit`), not drifted `order` keys
import Redis from 'ioredis';
import Redlock from 'redlock';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const redlock = new Redlock([redis]);
const prisma = new PrismaClient();

export async function order(id: string) {
  const hit = await redis.get(`order:${id}`);
  if (hit) return JSON.parse(hit);
  const o = await prisma.order.findUnique({ where: { id } });
  await redis.set(`order:${id}`, JSON.stringify(o), 'EX', 60);
  return o;
}

export async function pay(id: string, ip: string) {
  const hits = await redis.incr(`ratelimit:pay:${ip}`);
  if (hits === 1) await redis.expire(`ratelimit:pay:${ip}`, 60);
  if (hits > 10) throw new Error('slow down');
  const lock = await redlock.acquire([`lock:orders:${id}`], 5000);
  try {
    await prisma.order.update({ where: { id }, data: { paidAt: new Date() } });
    await redis.del(`order:${id}`);
  } finally {
    await lock.release();
    await redis.del(`lock:orders:${id}`);
  }
}
