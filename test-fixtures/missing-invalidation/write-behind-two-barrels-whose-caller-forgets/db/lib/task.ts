// The database package's task writes, imported through two barrels.
import { PrismaClient, Task } from '@prisma/client';

const prisma = new PrismaClient();

export const mdTaskUpdateMany = async (ids: string[], data: Partial<Task>) => {
  const { id, ...rest } = data;
  return prisma.task.updateMany({ where: { id: { in: ids } }, data: rest }); // expect: missing-invalidation
};
