// valid: every set carries EX, PX, EXAT, PXAT or KEEPTTL (upper or lower case), so each key expires
import Redis from 'ioredis';

const redis = new Redis();

export async function cacheAll(id: string, body: string, until: number) {
  await redis.set(`page:${id}`, body, 'EX', 300);
  await redis.set(`page:${id}:etag`, body.length.toString(), 'PX', 300_000);
  await redis.set(`page:${id}:lock`, '1', 'EX', 10, 'NX');
  await redis.set(`page:${id}:draft`, body, 'ex', 60);
  await redis.set(`campaign:${id}`, body, 'EXAT', until);
  await redis.set(`campaign:${id}:ms`, body, 'PXAT', until * 1000);
  await redis.set(`page:${id}:views`, '0', 'KEEPTTL');
}
