// DEL takes key names: a `*` in one is a literal star, so the config entries stay cached.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function setting(name: string) {
  const hit = await redis.get(`cfg:${name}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.setting.findUnique({ where: { name } });
  await redis.set(`cfg:${name}`, JSON.stringify(row), 'EX', 600);
  return row;
}

export async function saveSettings(values: Record<string, string>) {
  await prisma.$transaction(Object.entries(values).map(([name, value]) => prisma.setting.update({ where: { name }, data: { value } })));
  for await (const keys of redis.scanStream({ match: 'cfg:*' })) if (keys.length) await redis.unlink(...keys); // expect: key-drift
}
