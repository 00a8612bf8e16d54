import { prisma } from './db';

export class AccountService {
  // look-alike: the cached profile is stale in `password`, but no reader of the cache uses it
  async changePassword(userId: string, hash: string) {
    await prisma.profile.update({ where: { userId }, data: { password: hash } });
  }

  // look-alike: the same, for two columns nobody reads from the cache
  async verifyEmail(userId: string) {
    await prisma.profile.update({ where: { userId }, data: { emailVerified: true, password: '' } });
  }

  async muteHost(userId: string, mutedHosts: string[]) {
    await prisma.profile.update({ where: { userId }, data: { mutedHosts } }); // expect: missing-invalidation
  }

  // the columns written are not spelled out: any of them may be one a reader uses
  async updateProfile(userId: string, dto: Partial<{ password: string; followedMessage: string }>) {
    await prisma.profile.update({ where: { userId }, data: dto }); // expect: missing-invalidation
  }

  async setWelcome(userId: string, text: string) {
    await prisma.profile.update({ where: { userId }, data: { password: 'x', followedMessage: text } }); // expect: missing-invalidation
  }
}
