// cacheable's CacheableMemory without a ttl keeps entries until evicted: the fix passes milliseconds.
import { CacheableMemory } from 'cacheable';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const memory = new CacheableMemory({ lruSize: 1000 });

export async function currency(code: string) {
  const hit = memory.get(`currency:${code}`);
  if (hit) return hit;
  const row = await prisma.currency.findUnique({ where: { code } });
  memory.set(`currency:${code}`, row); // expect: missing-ttl
  return row;
}
