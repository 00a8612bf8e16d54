import { createClient } from 'redis';

export const cache = createClient({ url: process.env.REDIS_URL });
cache.on('error', (err) => console.error('redis', err));
