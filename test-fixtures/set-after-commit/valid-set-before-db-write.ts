// valid: the cache write comes before the database write (a different problem, not write-through after commit)
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function startImport(jobId: string) {
  await redis.set(`job:${jobId}`, JSON.stringify({ state: 'running' }), 'EX', 3600);
  await prisma.job.update({ where: { id: jobId }, data: { startedAt: new Date() } });
}
