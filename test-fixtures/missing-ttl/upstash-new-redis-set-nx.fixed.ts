import { Redis } from '@upstash/redis';

const redis = new Redis({ url: process.env.UPSTASH_URL!, token: process.env.UPSTASH_TOKEN! });

export async function dedupeEmail(messageId: string): Promise<boolean> {
  const res = await redis.set(`email:sent:${messageId}`, 1, { ex: 300, nx: true }); // expect: missing-ttl
  return res === 'OK';
}
