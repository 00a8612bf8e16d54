// valid: the set runs in the `.catch` of the update, i.e. only when the write failed and nothing committed
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export function reserve(slotId: string, snapshot: unknown) {
  return prisma.slot.update({ where: { id: slotId }, data: { reserved: true } }).catch(async (err: unknown) => {
    await redis.set(`slot:${slotId}`, JSON.stringify(snapshot), 'EX', 30);
    throw err;
  });
}
