import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import { CacheEvict, Cacheable } from './cache';

@Injectable()
export class AccountService {
  constructor(private readonly prisma: PrismaClient) {}

  async groupIdsOf(accountIds: number[]) {
    const links = await this.prisma.accountGroup.findMany({ where: { accountId: { in: accountIds } } });
    return links.map((l) => l.groupId);
  }

  @Cacheable('account:', '{accountId}')
  async findOne(accountId: number) {
    const account = await this.prisma.account.findUnique({ where: { accountId } });
    const groupIds = await this.groupIdsOf([accountId]);
    return { ...account, groupIds };
  }

  // evicts account:{accountId} after rewriting the account's groups, but the features cached per
  // account (feature.service.ts) were computed from the old groups and stay for an hour
  @CacheEvict('account:', '{accountId}')
  async update(dto: { accountId: number; groupIds: number[]; displayName: string }) {
    await this.prisma.accountGroup.deleteMany({ where: { accountId: dto.accountId } }); // expect: missing-invalidation
    await this.prisma.accountGroup.createMany({ data: dto.groupIds.map((groupId) => ({ accountId: dto.accountId, groupId })) });
    return this.prisma.account.update({ where: { accountId: dto.accountId }, data: { displayName: dto.displayName } });
  }

  // valid: both copies built from the account's groups are evicted
  @CacheEvict('account:', '{accountId}')
  @CacheEvict('features:', 'account:{accountId}')
  async regroup(dto: { accountId: number; groupIds: number[] }) {
    await this.prisma.accountGroup.deleteMany({ where: { accountId: dto.accountId } });
    await this.prisma.accountGroup.createMany({ data: dto.groupIds.map((groupId) => ({ accountId: dto.accountId, groupId })) });
  }
}
