// a client built on first use and kept in a module-level `let`
import Redis from 'ioredis';

let client: Redis | undefined;

export async function getClient(): Promise<Redis> {
  if (client) return client;
  const c = new Redis(process.env.REDIS_URL!);
  client = c;
  return c;
}
