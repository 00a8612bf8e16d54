import { redis, tagsRedis } from './redis';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function getPrompt(id: string) {
  if (!redis) return prisma.prompt.findUnique({ where: { id } });
  const hit = await redis.get(`prompt:${id}`);
  if (hit) return JSON.parse(hit);
  const prompt = await prisma.prompt.findUnique({ where: { id } });
  await redis.set(`prompt:${id}`, JSON.stringify(prompt), 'EX', 300);
  return prompt;
}

export async function renamePrompt(id: string, name: string) {
  const prompt = await prisma.prompt.update({ where: { id }, data: { name } });
  await redis?.set(`prompt:${id}`, JSON.stringify(prompt), 'EX', 300); // expect: set-after-commit
}

export async function archivePrompt(id: string) {
  await prisma.prompt.update({ where: { id }, data: { archived: true } });
  await redis?.del(`prompt:${id}`);
}

export async function getTag(id: string) {
  const hit = await tagsRedis?.get(`tag:${id}`);
  if (hit) return JSON.parse(hit);
  const tag = await prisma.tag.findUnique({ where: { id } });
  await tagsRedis?.set(`tag:${id}`, JSON.stringify(tag), 'EX', 300);
  return tag;
}

export async function renameTag(id: string, name: string) {
  const tag = await prisma.tag.update({ where: { id }, data: { name } });
  await tagsRedis?.set(`tag:${id}`, JSON.stringify(tag), 'EX', 300); // expect: set-after-commit
}

export async function archiveTag(id: string) {
  await prisma.tag.update({ where: { id }, data: { archived: true } });
  await tagsRedis?.del(`tag:${id}`);
}
