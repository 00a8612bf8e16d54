import { PrismaClient } from '@prisma/client';
import { redis } from './cache';

const prisma = new PrismaClient();

export async function warm(ids: string[]) {
  for (const id of ids) {
    const p = await prisma.product.findUnique({ where: { id } });
    await redis.set(`product:v2:${id}`, JSON.stringify(p), 'EX', 600);
  }
}

export async function warmLegacy(id: string) {
  const p = await prisma.product.findUnique({ where: { id }, select: { id: true, name: true } });
  await redis.set(`product:${id}`, JSON.stringify(p), 'EX', 600);
}
