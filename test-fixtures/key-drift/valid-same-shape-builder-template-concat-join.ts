// valid: every path builds `invoice:v2:<id>`, through the builder, a template, `+`, join or constants
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();
const PREFIX = 'invoice';
const VERSION = 'v2';
const invoiceKey = (id: string) => `${PREFIX}:${VERSION}:${id}`;

export async function getInvoice(id: string) {
  const hit = await redis.get(invoiceKey(id));
  if (hit) return JSON.parse(hit);
  const invoice = await prisma.invoice.findUnique({ where: { id } });
  if (invoice) await redis.set(invoiceKey(id), JSON.stringify(invoice), 'EX', 300);
  return invoice;
}

export async function markPaid(id: string) {
  await prisma.invoice.update({ where: { id }, data: { paidAt: new Date() } });
  await redis.del(`invoice:v2:${id}`);
}

export async function voidInvoice(id: string) {
  await prisma.invoice.update({ where: { id }, data: { voidedAt: new Date() } });
  await redis.del('invoice:v2:' + id);
}

export async function refund(id: string) {
  await prisma.invoice.update({ where: { id }, data: { refundedAt: new Date() } });
  await redis.del([PREFIX, VERSION, id].join(':'));
}

export async function resend(id: string) {
  await prisma.invoice.update({ where: { id }, data: { sentAt: new Date() } });
  await redis.del(`${PREFIX}:${VERSION}:` + String(id));
}
