// valid: the job log copies the crawl's options from its store; that store is the source of truth
import { PrismaClient } from '@prisma/client';
import { getCrawl } from './crawl-store';

const prisma = new PrismaClient();

export async function logFinishedJob(jobId: string, crawlId: string) {
  const crawl = await getCrawl(crawlId);
  if (!crawl) return;
  await prisma.jobLog.create({ data: { jobId, teamId: crawl.teamId, options: crawl.options } });
}
