import { RedisKeyPrefix } from './redis-key-prefix.enum';

// the builder only joins what its callers give it: the prefix is theirs
export function getRedisKey(prefix: RedisKeyPrefix, id: string | number): string {
  return `${prefix}${id}`;
}
