// valid: the base holds the Redis client; the subclass below keeps its own in-process map
import Redis from 'ioredis';

export abstract class BaseCache {
  constructor(protected readonly client: Redis) {}
}
