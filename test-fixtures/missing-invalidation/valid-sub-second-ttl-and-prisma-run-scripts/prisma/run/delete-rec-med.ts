import { PrismaClient } from '@prisma/client';

export const deleteRecMed = async (prisma: PrismaClient) => {
  await prisma.recMed.deleteMany({ where: { name: '' } });
};
