// The cache holds an AuthUser: the user's id, GitHub login and admin flag. A profile write of other
// columns leaves it right; a write of the login does not.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

class AuthUser {
  public readonly id: number;
  public readonly githubId: string;
  constructor(user: { id: number; githubId: string }, public readonly isAdmin = false) {
    this.id = user.id;
    this.githubId = user.githubId;
  }
}

async function loadAuthUser(userId: number) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  return new AuthUser(user);
}

export async function authUser(userId: number) {
  const hit = await redis.get(`auth-user:${userId}`);
  if (hit) return JSON.parse(hit);
  const u = await loadAuthUser(userId);
  await redis.set(`auth-user:${userId}`, JSON.stringify(u), 'EX', 600);
  return u;
}

export async function saveAbout(userId: number, aboutMyself: string) {
  await prisma.user.update({ where: { id: userId }, data: { aboutMyself } });
}

export async function renameGithub(userId: number, githubId: string) {
  await prisma.user.update({ where: { id: userId }, data: { githubId } }); // expect: missing-invalidation
}
