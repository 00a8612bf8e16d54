// A client a DI container hands out, typed by the lookup: container.get<Redis>(token)
import type { Redis } from 'ioredis';
import { container } from 'tsyringe';
import { PrismaClient } from '@prisma/client';

const kRedis = Symbol('redis');
const prisma = new PrismaClient();

export async function guildSettings(guildId: string) {
  const redis = container.resolve<Redis>(kRedis);
  const hit = await redis.get(`guild:${guildId}:settings`);
  if (hit) return JSON.parse(hit);
  const settings = await prisma.guildSettings.findUnique({ where: { guildId } });
  await redis.set(`guild:${guildId}:settings`, JSON.stringify(settings)); // expect: missing-ttl
  return settings;
}
