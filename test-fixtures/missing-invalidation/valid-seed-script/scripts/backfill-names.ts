// valid: a one-off script is not a report site
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function backfill() {
  await prisma.user.updateMany({ where: { name: null }, data: { name: 'anonymous' } });
}
