// config: {"missingTtl": "all-writes"}
// valid: a test writes garbage on purpose; tests are not report sites and their keys count for nothing
import Redis from 'ioredis';
import { describe, it } from 'vitest';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

describe('locks', () => {
  it('recovers from garbage', async () => {
    const row = await prisma.lock.findFirst();
    await redis.set('lock:/tmp/a.txt', 'garbage');
    await redis.set(`lock:row:${row?.id}`, JSON.stringify(row));
  });
});
