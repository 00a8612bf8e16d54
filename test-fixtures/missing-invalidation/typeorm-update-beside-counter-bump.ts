// The firing twin of the counter look-alike: renaming the cached instance changes a real field and
// leaves the cached copy stale until its TTL.
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

export async function rename(host: string, name: string) {
  await instances.update({ host }, { name }); // expect: missing-invalidation
}
