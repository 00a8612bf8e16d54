import Redis from 'ioredis';

export const redis = new Redis(process.env.NUXT_REDIS_URL!);
