// Look-alike: the cached instance row carries a notes counter that a hot path bumps with
// increment(); a cached copy lagging on a count until its TTL is what caching a counted row
// accepts, and deleting the key on every note would empty the cache. A real field change of the
// same row (suspend) does invalidate.
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Instance } from './instance.entity';

const redis = new Redis();
const dataSource = new DataSource({ type: 'postgres' });
const instances = dataSource.getRepository(Instance);

export async function instanceByHost(host: string) {
  const hit = await redis.get(`instance:${host}`);
  if (hit) return JSON.parse(hit);
  const row = await instances.findOneBy({ host });
  await redis.set(`instance:${host}`, JSON.stringify(row), 'EX', 1800);
  return row;
}

export async function countNote(host: string) {
  await instances.increment({ host }, 'notesCount', 1);
}

export async function forgetNote(host: string) {
  await instances.decrement({ host }, 'notesCount', 1);
}

export async function suspend(host: string) {
  await instances.update({ host }, { suspended: true });
  await redis.del(`instance:${host}`);
}
