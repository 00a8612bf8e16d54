// valid: the export job's progress key is job state, deleted when the job ends: no cached copy of a row
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function exportStep(jobId: string, step: number) {
  await prisma.exportJob.update({ where: { id: jobId }, data: { step } });
  await redis.set(`export:${jobId}:progress`, String(step));
}

export async function finishExport(jobId: string) {
  await prisma.exportJob.update({ where: { id: jobId }, data: { done: true } });
  await redis.del(`export:${jobId}:progress`);
}
