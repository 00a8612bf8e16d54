import { PrismaClient } from '@prisma/client';
import { Redis } from '@upstash/redis';

export const prisma = new PrismaClient();
export const kv = Redis.fromEnv();
