import Redis from 'ioredis';
import { prisma } from './db';

const redis = new Redis();

export interface Profile {
  userId: string;
  mutedHosts: string[];
  followedMessage: string | null;
  password: string;
  emailVerified: boolean;
}

// A read-through helper handing the cached profile to its callers: what they use of it is what
// readers of the cache use.
export class ProfileCache {
  async fetch(userId: string): Promise<Profile> {
    const hit = await redis.get(`profile:${userId}`);
    if (hit) return JSON.parse(hit);
    const profile = await prisma.profile.findUniqueOrThrow({ where: { userId } });
    await redis.set(`profile:${userId}`, JSON.stringify(profile), 'EX', 1800);
    return profile;
  }
}
