// The crawl's state lives in Redis and nowhere else: a miss means "no such crawl", never a reload.
import Redis from 'ioredis';

export const redis = new Redis(process.env.REDIS_URL!);

export interface StoredCrawl {
  teamId: string;
  options: Record<string, unknown>;
  cancelled?: boolean;
}

export async function getCrawl(id: string): Promise<StoredCrawl | null> {
  const raw = await redis.get('crawl:' + id);
  if (raw === null) return null;
  await redis.expire('crawl:' + id, 24 * 60 * 60);
  return JSON.parse(raw);
}

export async function saveCrawl(id: string, crawl: StoredCrawl) {
  await redis.set('crawl:' + id, JSON.stringify(crawl), 'EX', 24 * 60 * 60);
}
