// valid: the only caller expires the key right after saving it, through expire()
import Redis from 'ioredis';

const redis = new Redis();

export async function getSummary(text: string): Promise<string | null> {
  return redis.get(text);
}

export async function saveSummary(text: string, summary: string) {
  return redis.set(text, summary);
}

export async function expire(key: string, seconds: number) {
  return redis.expire(key, seconds);
}
