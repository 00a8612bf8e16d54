import type Redis from 'ioredis';
import RedisInstance from './RedisInstance';

let redis: Redis;
const getRedis = () => {
  if (!redis) {
    redis = new RedisInstance('getRedis');
  }
  return redis;
};
export default getRedis;
