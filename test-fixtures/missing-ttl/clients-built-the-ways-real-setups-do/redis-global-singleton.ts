// a development singleton kept on the global object across hot reloads
import Redis from 'ioredis';

declare global {
  // eslint-disable-next-line no-var
  var redis: Redis | undefined;
}

export const redis = global.redis || new Redis(process.env.REDIS_URL!);
if (process.env.NODE_ENV !== 'production') global.redis = redis;

// a store of the same shape that is no cache client: a Map
declare global {
  // eslint-disable-next-line no-var
  var memo: Map<string, string> | undefined;
}
export const memo = global.memo || new Map<string, string>();
