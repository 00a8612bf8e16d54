import { PrismaClient } from '@prisma/client';
import { queryCache } from './query-cache';

const prisma = new PrismaClient();

export const { read: getWorker, drop: dropWorker } = queryCache('worker', (id: string) => prisma.worker.findUnique({ where: { id } }));

export async function showWorker(id: string) {
  return getWorker(id);
}

export async function editWorker(id: string, code: string) {
  return prisma.$transaction(async (tx) => {
    const worker = await tx.worker.update({ where: { id }, data: { code } });
    await tx.workerRevision.create({ data: { workerId: id, code } });
    dropWorker(id); // expect: invalidate-before-commit
    return worker;
  });
}

// look-alike: the entry is dropped once the transaction has committed
export async function renameWorker(id: string, name: string) {
  const worker = await prisma.$transaction(async (tx) => {
    const w = await tx.worker.update({ where: { id }, data: { name } });
    await tx.workerRevision.create({ data: { workerId: id, name } });
    return w;
  });
  await dropWorker(id);
  return worker;
}
