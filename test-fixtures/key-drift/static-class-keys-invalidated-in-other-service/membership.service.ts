import { prisma } from './prisma';
import { redis } from './redis';
import { UserCacheKeys } from './cache-keys';

export async function changeRole(userId: string, orgId: string, role: string) {
  await prisma.membership.update({ where: { userId_orgId: { userId, orgId } }, data: { role } });
  await redis.del(UserCacheKeys.permissions(userId, orgId));
  await redis.del(`users:profile:${userId}`); // expect: key-drift
}
