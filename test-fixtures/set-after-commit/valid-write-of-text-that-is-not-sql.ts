// valid: `res.write` sends text that merely starts like a statement; only SQL-shaped text is a database write
import type { ServerResponse } from 'node:http';
import Redis from 'ioredis';

const redis = new Redis();

export async function notify(res: ServerResponse, planId: string, priceCents: number) {
  res.write('Update your plan: the price changed');
  await redis.set(`plan:${planId}:price`, String(priceCents), 'EX', 3600);
}
