// config: {"missingTtl": "all-writes"}
// valid: SET NX dedupes sent emails; a marker is no cache
import { Redis } from '@upstash/redis';

const redis = new Redis({ url: process.env.UPSTASH_URL!, token: process.env.UPSTASH_TOKEN! });

export async function dedupeEmail(messageId: string): Promise<boolean> {
  const res = await redis.set(`email:sent:${messageId}`, 1, { nx: true });
  return res === 'OK';
}
