// A key named for an aggregate covers writes of its items (`wishlist:{}` before a `wishlist_item`
// delete), unless the delete already follows a write of the aggregate itself: then it is that
// write's invalidation, and a later write of a sibling table (a sync's status) is not what it is for.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getWishlist(id: string) {
  const hit = await redis.get(`wishlist:${id}`);
  if (hit) return JSON.parse(hit);
  const list = await prisma.wishlist.findUnique({ where: { id }, include: { items: true } });
  await redis.set(`wishlist:${id}`, JSON.stringify(list), 'EX', 300);
  return list;
}

export async function clearWishlist(id: string) {
  await redis.del(`wishlist:${id}`); // expect: invalidate-before-commit
  await prisma.wishlistItem.deleteMany({ where: { wishlistId: id } });
}

export async function getProject(id: string) {
  const hit = await redis.get(`app:project:${id}`);
  if (hit) return JSON.parse(hit);
  const project = await prisma.project.findUnique({ where: { id } });
  await redis.set(`app:project:${id}`, JSON.stringify(project), 'EX', 300);
  return project;
}

export async function finishSync(projectId: string, syncId: string) {
  await prisma.project.update({ where: { id: projectId }, data: { lastActive: new Date() } });
  await redis.del(`app:project:${projectId}`);
  await prisma.projectSync.update({ where: { id: syncId }, data: { status: 'COMPLETED' } });
}
