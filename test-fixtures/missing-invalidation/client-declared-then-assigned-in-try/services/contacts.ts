import { PrismaClient } from '@prisma/client';
import { wrapRedis } from './redis';

export const prisma = new PrismaClient();

export const contactKey = (id: string) => `contact:id:${id}`;

export function contactById(id: string) {
  return wrapRedis(contactKey(id), () => prisma.contact.findUnique({ where: { id } }));
}
