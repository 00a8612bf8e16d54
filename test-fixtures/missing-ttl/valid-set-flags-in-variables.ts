// valid: the expiry flags are in variables or spread from an array: the rule cannot tell, so it stays silent
import Redis from 'ioredis';
import { createClient } from 'redis';

const redis = new Redis();
const client = createClient();

type Mode = 'EX' | 'PX';

export async function put(key: string, value: string, mode: Mode, ttl: number) {
  await redis.set(key, value, mode, ttl);
}

export async function putWith(key: string, value: string, opts: { EX?: number; PX?: number }) {
  await client.set(key, value, opts);
}

export async function putArgs(args: [string, string, 'EX', number]) {
  await redis.set(...args);
}

export async function putExtra(key: string, value: string, extra: (string | number)[]) {
  await redis.set(key, value, ...(extra as ['EX', number]));
}

export async function putOptions(key: string, value: string, base: { EX: number }) {
  await client.set(key, value, { ...base, NX: true });
}
