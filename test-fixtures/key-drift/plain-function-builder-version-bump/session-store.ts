import { createClient } from 'redis';
import { sessionKey } from './keys';

export const client = createClient({ url: process.env.REDIS_URL });

export async function readSession(sessionId: string) {
  const raw = await client.get(sessionKey(sessionId));
  return raw ? JSON.parse(raw) : null;
}

export async function writeSession(sessionId: string, data: object) {
  await client.set(sessionKey(sessionId), JSON.stringify(data), { EX: 3600 });
}
