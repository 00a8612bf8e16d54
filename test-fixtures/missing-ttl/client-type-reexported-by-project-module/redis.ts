// The project's redis module hands out one client and passes the library's type on, so that
// services declare `private redis: Redis` without importing ioredis themselves.
import { Redis } from 'ioredis';

export { Redis };

let client: Redis | undefined;

export function getRedisCache(): Redis {
  if (!client) client = new Redis(process.env.REDIS_URL!);
  return client;
}
