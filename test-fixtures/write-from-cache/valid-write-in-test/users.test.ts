// valid: a test restores a fixture row from the cached copy; tests are not report sites
import { prisma, redis } from './users';

export async function restore(id: string) {
  const u = JSON.parse((await redis.get(`user:${id}`))!);
  await prisma.user.update({ where: { id }, data: u });
}
