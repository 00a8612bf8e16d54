import { createClient } from 'redis';

let service: unknown;

export async function getCacheService(): Promise<any> {
  if (!service) service = await createClient({ url: process.env.REDIS_URL }).connect();
  return service;
}
