// valid: the analytics cache is named for integrations, but it holds what the provider's API
// answers when asked with the integration's id and token: another service's data, which no write
// of the integration row changes
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();
declare const provider: { analytics(id: string, token: string, day: string): Promise<unknown> };

export async function analytics(orgId: string, id: string, day: string) {
  const key = `integration:${orgId}:${id}:${day}`;
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit);
  const integration = await prisma.integration.findUniqueOrThrow({ where: { id } });
  const answer = await provider.analytics(integration.internalId, integration.token, day);
  await redis.set(key, JSON.stringify(answer), 'EX', 3600);
  return answer;
}

export async function refreshToken(id: string, token: string) {
  await prisma.integration.update({ where: { id }, data: { token } });
}
