// Promise-chain style: the cache write is in the `.then` of the update.
import { PrismaClient, type Profile } from '@prisma/client';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const redis = new Redis();

export function updateBio(userId: string, bio: string): Promise<Profile> {
  return prisma.profile
    .update({ where: { userId }, data: { bio } })
    .then(async (profile) => {
      await redis.del(`profile:${userId}`); // expect: set-after-commit
      return profile;
    });
}
