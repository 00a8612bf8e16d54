// The app's DI container: every service receives the shared clients through one object.
import type Redis from 'ioredis';
import type { PrismaClient } from '@prisma/client';

export interface AppClients {
  redis: Redis;
  prisma: PrismaClient;
}
