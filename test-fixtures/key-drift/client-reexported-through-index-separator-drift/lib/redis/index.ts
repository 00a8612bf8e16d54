export { redisClient } from './client';
