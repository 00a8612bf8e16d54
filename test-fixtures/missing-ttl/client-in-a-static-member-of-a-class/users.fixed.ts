// Both read-throughs reach Redis through a static member of a class in another file; their fills
// have no expiry.
import { PrismaClient } from '@prisma/client';
import { RedisUtility } from './redis-utility';

const prisma = new PrismaClient();

export async function getUser(id: string) {
  const hit = await RedisUtility.instance.get(`user:${id}`);
  if (hit) return JSON.parse(hit);
  const user = await prisma.user.findUnique({ where: { id } });
  await RedisUtility.instance.set(`user:${id}`, JSON.stringify(user), 'EX', 300); // expect: missing-ttl
  return user;
}

export async function getPost(id: string) {
  const hit = await RedisUtility.client.get(`post:${id}`);
  if (hit) return JSON.parse(hit);
  const post = await prisma.post.findUnique({ where: { id } });
  await RedisUtility.client.set(`post:${id}`, JSON.stringify(post), 'EX', 300); // expect: missing-ttl
  return post;
}
