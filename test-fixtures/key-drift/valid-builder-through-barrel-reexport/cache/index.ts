export * from './keys';
export { redis } from './client';
