import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getInvite(token: string) {
  const cached = await redis.get(`invite:${token}`);
  if (cached === '__NEGATIVE__') return null;
  if (cached) return JSON.parse(cached);
  const invite = await prisma.invite.findUnique({ where: { token } });
  if (!invite) {
    await redis.pipeline().set(`invite:${token}`, '__NEGATIVE__').expire(`invite:${token}`, 60).exec();
    return null;
  }
  await redis.set(`invite:${token}`, JSON.stringify(invite), 'EX', 3600);
  return invite;
}

export async function sendInvite(token: string, email: string) {
  const invite = await prisma.invite.create({ data: { token, email } }); // expect: negative-cache-on-create
  return invite;
}
