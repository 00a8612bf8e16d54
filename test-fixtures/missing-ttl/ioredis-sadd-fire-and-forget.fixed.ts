// config: {"missingTtl": "all-writes"}
import { EventEmitter } from 'node:events';
import Redis from 'ioredis';

const redis = new Redis();
export const bus = new EventEmitter();

// a synchronous listener: the write is fire-and-forget, and so must be the expire a fix adds
bus.on('product.viewed', (e: { userId: string; productId: string }) => {
  redis.sadd(`viewed:${e.userId}`, e.productId); // expect: missing-ttl
  redis.expire(`viewed:${e.userId}`, 300);
});
