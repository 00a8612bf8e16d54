// An upsert usually updates an existing row: the write-through has the same race as after an update.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function saveDraft(authorId: string, slug: string, body: string) {
  const draft = await prisma.draft.upsert({
    where: { authorId_slug: { authorId, slug } },
    update: { body },
    create: { authorId, slug, body },
  });
  await redis.del(`draft:${authorId}:${slug}`); // expect: set-after-commit
  return draft;
}
