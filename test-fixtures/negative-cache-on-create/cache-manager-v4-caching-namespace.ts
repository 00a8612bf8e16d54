import cacheManager from 'cache-manager';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
// cache-manager v4: the default export carries caching()
const memoryCache = cacheManager.caching({ store: 'memory', max: 500, ttl: 60 });

export async function getLocale(code: string) {
  const cached = await memoryCache.get<string>(`locale:${code}`);
  if (cached === 'null') return null;
  if (cached) return JSON.parse(cached);
  const locale = await prisma.locale.findUnique({ where: { code } });
  await memoryCache.set(`locale:${code}`, locale ? JSON.stringify(locale) : 'null', { ttl: 30 });
  return locale;
}

export async function addLocale(code: string, name: string) {
  const locale = await prisma.locale.create({ data: { code, name } }); // expect: negative-cache-on-create
  return locale;
}
