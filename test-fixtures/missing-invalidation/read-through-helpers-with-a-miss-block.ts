// A read-through built from two helper functions, the miss handled in a block that loads, stores
// and returns what it loaded: the key is a cache of the table's rows, so a rename must clear it.
import { Redis } from '@upstash/redis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis({ url: 'u', token: 't' });
const prisma = new PrismaClient();

export const readCache = async <T>(k: string) => redis.get<T>(k);
export const setCache = async (k: string, v: unknown, ttl: number) => {
  await redis.set(k, v, { ex: ttl });
};

export async function getTables(companyId: number) {
  const cached = await readCache(`tables:${companyId}`);
  if (!cached) {
    const rows = await prisma.table.findMany({ where: { companyId } });
    await setCache(`tables:${companyId}`, rows, 60);
    return rows;
  }
  return cached;
}

export const rename = (id: number, name: string) => prisma.table.update({ where: { id }, data: { name } }); // expect: missing-invalidation
