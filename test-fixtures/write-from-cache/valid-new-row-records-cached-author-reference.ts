// valid: the new rows record who or what they are about (the author's own id, its display name):
// a reference, not a copy of the cached record's state that a stale copy could revert
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

async function getAuthor(id: string) {
  const raw = await redis.get(`author:${id}`);
  if (raw) return JSON.parse(raw);
  const row = await prisma.author.findUnique({ where: { id } });
  await redis.set(`author:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}

class FeedbackService {
  create(data: { authorId: string; authorName: string; text: string }) {
    return prisma.feedback.create({ data });
  }
}

const feedback = new FeedbackService();

export async function leaveFeedback(authorId: string, text: string) {
  const author = await getAuthor(authorId);
  await prisma.feedback.create({ data: { authorId: author.id, authorName: author.name, text } });
}

export async function leaveFeedbackThroughService(authorId: string, text: string) {
  const author = await getAuthor(authorId);
  await feedback.create({ authorId: author.id, authorName: author.name, text });
}
