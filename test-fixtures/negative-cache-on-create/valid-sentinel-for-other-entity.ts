// valid: the marker is for organisations; creating a user does not make a missing org appear
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getOrg(slug: string) {
  const cached = await redis.get(`org:${slug}`);
  if (cached === '__none__') return null;
  if (cached) return JSON.parse(cached);
  const org = await prisma.org.findUnique({ where: { slug } });
  await redis.set(`org:${slug}`, org ? JSON.stringify(org) : '__none__', 'EX', 120);
  return org;
}

export async function inviteUser(orgId: string, email: string) {
  const user = await prisma.user.create({ data: { email, orgId } });
  return user;
}
