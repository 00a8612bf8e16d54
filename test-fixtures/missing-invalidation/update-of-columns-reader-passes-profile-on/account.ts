import { prisma } from './db';

export class AccountService {
  async changePassword(userId: string, hash: string) {
    await prisma.profile.update({ where: { userId }, data: { password: hash } }); // expect: missing-invalidation
  }
}
