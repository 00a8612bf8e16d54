import { createClient } from 'redis';

const redis = await createClient().connect();

export async function rememberSession(sessionId: string, userId: string) {
  await redis.set(`session:${sessionId}`, userId, { NX: true }); // expect: missing-ttl
}
