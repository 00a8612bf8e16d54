// A second service writes the member's table directly, under the model's own name, and leaves the
// member cached by MemberService.findOne.
import { PrismaClient } from '@prisma/client';

export class MemberProfileService {
  constructor(private readonly prisma: PrismaClient) {}

  async updateAvatar(id: number, avatar: string) {
    await this.prisma.sysMember.update({ where: { id }, data: { avatar } }); // expect: missing-invalidation
  }
}
