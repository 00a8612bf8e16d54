// valid: caching('memory', { ttl }) and createCache({ ttl }) give the store a default expiry
import { caching, createCache } from 'cache-manager';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const v5 = await caching('memory', { max: 100, ttl: 60_000 });
const v6 = createCache({ ttl: 10 * 60_000 });

export async function currencyList() {
  const hit = await v5.get<string[]>('currencies');
  if (hit) return hit;
  const list = (await prisma.currency.findMany()).map((c) => c.code);
  await v5.set('currencies', list);
  return list;
}

export async function languageList() {
  const hit = await v6.get<string[]>('languages');
  if (hit) return hit;
  const list = (await prisma.language.findMany()).map((l) => l.code);
  await v6.set('languages', list);
  await v6.set('languages:count', list.length, 30_000);
  return list;
}
