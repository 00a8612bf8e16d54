// valid: a subclass passes its base a prefix of its own; the base's parameter is not its own first argument
import type { RedisClientType } from 'redis';
import { RedisCache } from './redis-cache';

export class SegmentCache extends RedisCache {
  constructor(tenant: string, client: RedisClientType) {
    super(`segments_${tenant}`, client);
  }
}
