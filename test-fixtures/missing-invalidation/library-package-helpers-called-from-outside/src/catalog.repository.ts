import Redis from 'ioredis';
import { db } from './db';

const redis = new Redis();

export async function getProduct(id: string) {
  const hit = await redis.get(`product:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await db.collection('products').findOne({ _id: id });
  await redis.set(`product:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}

/** The routes call it: the cached product keeps its old name for ten minutes. */
export async function renameProduct(id: string, name: string) {
  await db.collection('products').updateOne({ _id: id }, { $set: { name } }); // expect: missing-invalidation
}

/** A published package: the applications that install it call this one, though nothing here does. */
export async function archiveProduct(id: string) {
  await db.collection('products').updateOne({ _id: id }, { $set: { archived: true } }); // expect: missing-invalidation
}
