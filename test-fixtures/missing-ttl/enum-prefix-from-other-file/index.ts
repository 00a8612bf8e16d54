export { CacheEnum } from './cache.enum';
