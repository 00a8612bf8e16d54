import { caching } from 'cache-manager';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const cache = await caching('memory', { ttl: 60_000 });

// cache-manager v5 wrap() stores whatever the loader returns unless it is undefined: a missing
// gift card is cached as null for the TTL, a negative cache nobody wrote on purpose.
export async function giftCard(code: string) {
  return cache.wrap(`giftcard:${code}`, () => prisma.giftCard.findUnique({ where: { code } }));
}

export async function issueGiftCard(code: string, balanceCents: number) {
  const card = await prisma.giftCard.create({ data: { code, balanceCents } }); // todo-expect: negative-cache-on-create
  return card;
}
