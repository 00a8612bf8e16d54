import { Redis } from '@acme/upstash';

export const redis = Redis.fromEnv();
