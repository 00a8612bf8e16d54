// valid: the container's `flags` member is a Map, only `redis` is a client
import type Redis from 'ioredis';
import type { PrismaClient } from '@prisma/client';

export interface AppClients {
  redis: Redis;
  prisma: PrismaClient;
  flags: Map<string, string>;
}
