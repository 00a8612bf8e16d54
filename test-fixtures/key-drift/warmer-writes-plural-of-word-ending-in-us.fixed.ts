import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function menu(restaurantId: string) {
  const hit = await redis.get(`menu:${restaurantId}`);
  if (hit) return JSON.parse(hit);
  const items = await prisma.menuItem.findMany({ where: { restaurantId } });
  await redis.set(`menu:${restaurantId}`, JSON.stringify(items), 'EX', 600);
  return items;
}

/** Runs before the lunch rush so the first orders hit a warm cache. */
export async function warmMenus(restaurantIds: string[]) {
  for (const id of restaurantIds) {
    const items = await prisma.menuItem.findMany({ where: { restaurantId: id } });
    // `menus` is the plural of `menu`, but the facts layer's singular() keeps words ending in "us"
    await redis.set(`menu:${id}`, JSON.stringify(items), 'EX', 600); // expect: key-drift
  }
}
