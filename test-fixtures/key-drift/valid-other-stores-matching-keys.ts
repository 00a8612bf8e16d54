// valid: keyv, lru-cache and node-cache each invalidate the shape they read
import Keyv from 'keyv';
import { LRUCache } from 'lru-cache';
import NodeCache from 'node-cache';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const keyv = new Keyv({ namespace: 'geo', ttl: 60_000 });
const lru = new LRUCache<string, object>({ max: 1000, ttl: 30_000 });
const nodeCache = new NodeCache({ stdTTL: 45 });

export async function region(code: string) {
  const hit = await keyv.get(`region:${code}`);
  if (hit) return hit;
  const r = await prisma.region.findUnique({ where: { code } });
  await keyv.set(`region:${code}`, r);
  return r;
}

export async function store(id: string) {
  const hit = lru.get(`store/${id}`);
  if (hit) return hit;
  const s = await prisma.store.findUnique({ where: { id } });
  if (s) lru.set(`store/${id}`, s);
  return s;
}

export async function courier(id: string) {
  const hit = nodeCache.get(`courier_${id}`);
  if (hit) return hit;
  const c = await prisma.courier.findUnique({ where: { id } });
  nodeCache.set(`courier_${id}`, c);
  return c;
}

export async function reassign(storeId: string, courierId: string, regionCode: string) {
  await prisma.store.update({ where: { id: storeId }, data: { courierId, regionCode } });
  await keyv.delete(`region:${regionCode}`);
  lru.delete(`store/${storeId}`);
  nodeCache.del(`courier_${courierId}`);
}
