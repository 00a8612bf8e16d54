// The decorator comes through the `@app/*` paths alias: its expiry is optional, and these
// decorations differ only in passing it.
import { PrismaClient } from '@prisma/client';
import { Cacheable } from '@app/common/cache.decorators';

const prisma = new PrismaClient();

export class UserService {
  @Cacheable('user:{0}') // expect: missing-ttl
  async findOne(id: string) {
    return prisma.user.findUnique({ where: { id } });
  }

  @Cacheable('team:{0}', 600)
  async findTeam(id: string) {
    return prisma.team.findUnique({ where: { id } });
  }
}
