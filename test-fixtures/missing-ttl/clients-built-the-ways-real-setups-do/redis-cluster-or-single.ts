// one factory, a cluster in production and a single node elsewhere: an ioredis client either way
import Redis from 'ioredis';

export const createRedisClient = (db = 0) => (process.env.REDIS_CLUSTER ? new Redis.Cluster([{ host: 'redis', port: 6379 }]) : new Redis({ db }));
export const sessions = createRedisClient(1);

// a client or a Map depending on the setting: not one kind of store
export const mixed = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL) : new Map<string, string>();
