// valid: the update lives in a local helper this path never calls before the set; only a read precedes it
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function loadInvoice(id: string) {
  const repair = async () => prisma.invoice.update({ where: { id }, data: { totalCents: 0 } });
  const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id } });
  if (invoice.totalCents < 0) return repair();
  await redis.set(`invoice:${id}`, JSON.stringify(invoice), 'EX', 300);
  return invoice;
}
