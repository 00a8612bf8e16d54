// valid: Headers and URLSearchParams have set/delete too; their names are not cache keys
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function catalogResponse(category: string, url: URL): Promise<Response> {
  const cached = await redis.get(`catalog:v2:${category}`);
  const body = cached ?? JSON.stringify(await prisma.product.findMany({ where: { category } }));
  if (!cached) await redis.set(`catalog:v2:${category}`, body, 'EX', 120);
  const headers = new Headers({ 'content-type': 'application/json' });
  headers.set(`catalog-${category}`, cached ? 'HIT' : 'MISS');
  headers.delete(`catalogs_${category}`);
  const params = new URLSearchParams(url.search);
  params.set(`catalog:${category}`, '1');
  params.delete(`catalogs:${category}`);
  url.searchParams.delete(`Catalog:${category}`);
  return new Response(body, { headers });
}

export async function recategorise(id: string, category: string) {
  await prisma.product.update({ where: { id }, data: { category } });
  await redis.del(`catalog:v2:${category}`);
}
