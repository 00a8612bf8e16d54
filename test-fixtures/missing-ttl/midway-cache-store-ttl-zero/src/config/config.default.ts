import { MidwayConfig } from '@midwayjs/core';
import { FileCacheStore } from '../store/file-cache-store';

export default {
  keys: 'change-me',
  koa: { port: 8001 },
  // the store keeps entries on disk; ttl 0: never expire
  cacheManager: {
    clients: {
      default: {
        store: FileCacheStore,
        options: { path: 'cache', ttl: 0 },
      },
    },
  },
} as MidwayConfig;
