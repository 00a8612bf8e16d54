export * from '@upstash/redis';
