import { prisma } from './prisma';
import { redis } from './redis';
import { UserCacheKeys } from './cache-keys';

export async function getProfile(userId: string) {
  const cached = await redis.get(UserCacheKeys.profile(userId));
  if (cached) return JSON.parse(cached);
  const profile = await prisma.profile.findUnique({ where: { userId } });
  await redis.set(UserCacheKeys.profile(userId), JSON.stringify(profile), 'EX', 600);
  return profile;
}

export async function getPermissions(userId: string, orgId: string): Promise<string[]> {
  const cached = await redis.get(UserCacheKeys.permissions(userId, orgId));
  if (cached) return JSON.parse(cached);
  const rows = await prisma.membership.findMany({ where: { userId, orgId }, select: { permission: true } });
  const perms = rows.map((r) => r.permission);
  await redis.set(UserCacheKeys.permissions(userId, orgId), JSON.stringify(perms), 'EX', 60);
  return perms;
}
