import Redis from 'ioredis';

// exported as the default: no other file names it, so only imports lead here
export default new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
