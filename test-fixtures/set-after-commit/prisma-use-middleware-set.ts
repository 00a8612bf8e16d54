// Prisma `$use` middleware: everything after `await next(params)` follows the write.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

prisma.$use(async (params, next) => {
  const result = await next(params);
  if (params.model === 'Organization' && params.action === 'update')
    await redis.set(`organization:${result.id}`, JSON.stringify(result), 'EX', 600); // expect: set-after-commit
  return result;
});

export async function organization(id: string) {
  const hit = await redis.get(`organization:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.organization.findUnique({ where: { id } });
  await redis.set(`organization:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}
