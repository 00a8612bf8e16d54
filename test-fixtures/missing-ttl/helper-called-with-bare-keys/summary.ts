// Callers pass the prompt itself as the key: nothing at a call site names the key family, so the
// helper's own write is where the missing expiry is reported.
import Redis from 'ioredis';

const redis = new Redis();

export async function getSummary(text: string): Promise<string | null> {
  return redis.get(text);
}

export async function saveSummary(text: string, summary: string) {
  return redis.set(text, summary); // expect: missing-ttl
}
