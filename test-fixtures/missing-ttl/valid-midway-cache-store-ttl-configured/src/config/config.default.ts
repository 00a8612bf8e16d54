// valid: the default store expires every entry after ten minutes (milliseconds)
import { MidwayConfig } from '@midwayjs/core';

export default {
  keys: 'change-me',
  cacheManager: {
    clients: {
      default: { store: 'memory', options: { max: 1000, ttl: 600_000 } },
    },
  },
} as MidwayConfig;
