// Every module's Redis prefix, joined to an id by getRedisKey.
export enum RedisKeyPrefix {
  USER_ROLE = 'user:role:',
  USER_MENU = 'user:menu:',
}
