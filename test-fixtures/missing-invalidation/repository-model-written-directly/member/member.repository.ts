import { PrismaClient, SysMember } from '@prisma/client';
import { ModelRepository } from '../common/model.repository';

export class MemberRepository extends ModelRepository<SysMember> {
  constructor(prisma: PrismaClient) {
    super(prisma, 'sysMember');
  }

  /** Archives through the repository's own delegate: where it is called, the caller owns the cache. */
  async archive(id: number) {
    return this.prisma.sysMember.update({ where: { id }, data: { archivedAt: new Date() } });
  }

  /** Renames through the repository's own delegate; its callers evict the cached member. */
  async rename(id: number, name: string) {
    return this.prisma.sysMember.update({ where: { id }, data: { name } });
  }
}
