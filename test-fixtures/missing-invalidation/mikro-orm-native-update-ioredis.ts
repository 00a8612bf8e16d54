import type { EntityManager } from '@mikro-orm/postgresql';
import Redis from 'ioredis';
import { Store } from './store.entity';

const redis = new Redis();

export async function store(em: EntityManager, id: number) {
  const hit = await redis.get(`store:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await em.findOne(Store, { id });
  await redis.set(`store:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}

export async function closeStore(em: EntityManager, id: number) {
  await em.nativeUpdate(Store, { id }, { open: false }); // expect: missing-invalidation
}
