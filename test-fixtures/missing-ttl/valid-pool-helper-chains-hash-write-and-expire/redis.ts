// valid: the helper borrows a pooled client and chains the hash write with its expiry in one
// MULTI (`hset(k, v).expire(k, seconds)`), so every caller's rates expire
import { IORedisPool } from '@dailydotdev/ts-ioredis-pool';
import { Router } from 'express';

export const ioRedisPool = new IORedisPool({ host: 'localhost', port: 6379 });

export const getRedisHash = (key: string) => ioRedisPool.execute((client) => client.hgetall(key));
export const setRedisHashWithExpiry = (key: string, value: object, seconds: number) =>
  ioRedisPool.execute((client) => client.multi().hset(key, value).expire(key, seconds).exec());

export const router = Router();

router.get('/rates', async (_req, res) => {
  const cached = await getRedisHash('exchange_rates');
  if (cached && Object.keys(cached).length > 0) return res.json(cached);
  const rates = await (await fetch('https://rates.example.com/latest.json')).json();
  await setRedisHashWithExpiry('exchange_rates', rates, 3600);
  res.json(rates);
});
