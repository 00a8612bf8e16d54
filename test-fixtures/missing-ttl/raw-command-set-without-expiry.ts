// Raw commands are cache writes too: ioredis `call('SET', …)` and node-redis `sendCommand([…])`
// store the row with no expiry.
import Redis from 'ioredis';
import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const client = createClient();
const prisma = new PrismaClient();

export async function plan(id: string) {
  const hit = await redis.get(`plan:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.plan.findUnique({ where: { id } });
  await redis.call('SET', `plan:${id}`, JSON.stringify(row)); // expect: missing-ttl
  return row;
}

export async function seat(id: string) {
  const hit = await client.get(`seat:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.seat.findUnique({ where: { id } });
  await client.sendCommand(['SET', `seat:${id}`, JSON.stringify(row)]); // expect: missing-ttl
  return row;
}
