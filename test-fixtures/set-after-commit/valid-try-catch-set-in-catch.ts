// valid: the update is in `try` and the set in `catch`: a write that threw did not commit
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function reserveSeat(seatId: string, holderId: string, previous: unknown) {
  try {
    await prisma.seat.update({ where: { id: seatId, holderId: null }, data: { holderId } });
  } catch (err) {
    // the seat was taken meanwhile: put back the snapshot the caller showed
    await redis.set(`seat:${seatId}`, JSON.stringify(previous), 'EX', 30);
    throw err;
  }
  await redis.del(`seat:${seatId}`);
}
