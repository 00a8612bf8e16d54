export * from './memoize';
