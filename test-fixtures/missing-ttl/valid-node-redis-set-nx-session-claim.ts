// config: {"missingTtl": "all-writes"}
// valid: SET NX claims a session id once; a marker is no cache
import { createClient } from 'redis';

const redis = await createClient().connect();

export async function rememberSession(sessionId: string, userId: string) {
  await redis.set(`session:${sessionId}`, userId, { NX: true });
}
