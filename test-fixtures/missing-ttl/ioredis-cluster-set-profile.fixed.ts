import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Profile } from './entities/profile';

const cluster = new Redis.Cluster([
  { host: 'redis-0.internal', port: 6379 },
  { host: 'redis-1.internal', port: 6379 },
]);

export async function getProfile(dataSource: DataSource, userId: number) {
  const key = `profile:${userId}`;
  const cached = await cluster.get(key);
  if (cached) return JSON.parse(cached) as Profile;
  const profile = await dataSource.getRepository(Profile).findOneBy({ userId });
  if (profile) await cluster.set(key, JSON.stringify(profile), 'EX', 300); // expect: missing-ttl
  return profile;
}
