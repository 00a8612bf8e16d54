// The cache holds what getAuthDetails returns: a user's id, GitHub login and roles. A profile write
// of other columns leaves it right; a write of the login does not.
import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER, type Cache } from '@nestjs/cache-manager';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

@Injectable()
export class AuthService {
  constructor(@Inject(CACHE_MANAGER) private readonly cache: Cache) {}

  async getAuthDetails(userId: number) {
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { mentors: true } });
    return { id: user.id, githubId: user.githubId, mentors: user.mentors.map((m) => m.courseId) };
  }

  async authUser(userId: number) {
    const hit = await this.cache.get(`auth-user:${userId}`);
    if (hit) return hit;
    const details = await this.getAuthDetails(userId);
    await this.cache.set(`auth-user:${userId}`, details, 600_000);
    return details;
  }

  async saveAbout(userId: number, aboutMyself: string) {
    await prisma.user.update({ where: { id: userId }, data: { aboutMyself } });
  }

  async renameGithub(userId: number, githubId: string) {
    await prisma.user.update({ where: { id: userId }, data: { githubId } }); // expect: missing-invalidation
  }
}
