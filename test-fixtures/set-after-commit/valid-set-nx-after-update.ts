// valid: SET … NX never overwrites: an idempotency marker recorded after the update cannot undo another writer's value
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function capturePayment(paymentId: string, requestId: string) {
  const payment = await prisma.payment.update({ where: { id: paymentId }, data: { status: 'CAPTURED' } });
  await redis.set(`payment:${paymentId}:request`, requestId, 'EX', 86_400, 'NX');
  return payment;
}
