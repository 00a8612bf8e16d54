// valid: SET … NX with an empty value takes a lock; it does not remember a missing row
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function settleInvoice(id: string) {
  const locked = await redis.set(`invoice-lock:${id}`, '', 'EX', 30, 'NX');
  if (!locked) return false;
  const invoice = await prisma.invoice.findUnique({ where: { id } });
  if (invoice) await prisma.payment.create({ data: { invoiceId: id, amountCents: invoice.totalCents } });
  await redis.del(`invoice-lock:${id}`);
  return true;
}

export async function draftInvoice(id: string, totalCents: number) {
  return prisma.invoice.create({ data: { id, totalCents } });
}
