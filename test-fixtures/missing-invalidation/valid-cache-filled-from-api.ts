// valid: the cache holds an exchange API's answer, not rows of the table the code updates
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function rate(currency: string) {
  const hit = await redis.get(`rate:${currency}`);
  if (hit) return Number(hit);
  const res = await fetch(`https://api.example.com/rates/${currency}`);
  const value = String((await res.json()).rate);
  await redis.set(`rate:${currency}`, value, 'EX', 300);
  return Number(value);
}

export async function saveRate(currency: string, value: number) {
  await prisma.rate.update({ where: { currency }, data: { value } });
}
