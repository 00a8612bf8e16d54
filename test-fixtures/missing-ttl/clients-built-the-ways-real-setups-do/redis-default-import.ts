// node-redis through its default import, with an error listener chained on (it returns the client)
import redis from 'redis';

export const redirects = redis.createClient({ url: process.env.REDIS_URL }).on('error', (e) => console.error(e));
