// valid: each consumer runs on its own message, later and independently; the write in the first
// handler does not precede the set in the second (and the second sets no row it just wrote).
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

interface Bus {
  registerHandler(topic: string, handler: (payload: { id: string; name: string }) => Promise<void>): Promise<void>;
}

export async function registerConsumers(bus: Bus) {
  await bus.registerHandler('guild.update', async (payload) => {
    await prisma.guild.update({ where: { id: payload.id }, data: { name: payload.name } });
  });

  await bus.registerHandler('guild.warm', async (payload) => {
    const guild = await prisma.guild.findUnique({ where: { id: payload.id } });
    await redis.set(`guild:${payload.id}`, JSON.stringify(guild), 'EX', 600);
  });
}
