// valid: "no repositories" is GitHub's answer: creating a user here does not make any exist there
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function githubRepos(userId: string) {
  const hit = await redis.get(`user-repos:${userId}`);
  if (hit) return JSON.parse(hit);
  const user = await prisma.user.findUnique({ where: { id: userId } });
  const res = await fetch(`https://api.github.com/users/${user?.login}/repos`);
  const repos: unknown[] = await res.json();
  await redis.set(`user-repos:${userId}`, JSON.stringify(repos.length ? repos : []), 'EX', 600);
  return repos;
}

export async function signUp(login: string) {
  return prisma.user.create({ data: { login } });
}
