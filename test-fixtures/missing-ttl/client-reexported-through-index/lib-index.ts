export * from './lib-redis';
export { logger } from './logger';
