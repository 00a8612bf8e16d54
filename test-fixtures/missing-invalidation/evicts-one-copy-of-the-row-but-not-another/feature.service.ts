import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import { Cacheable } from './cache';
import { AccountService } from './account.service';

@Injectable()
export class FeatureService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly accounts: AccountService,
  ) {}

  @Cacheable('features:', 'account:{accountId}')
  async featuresOf(accountId: number) {
    const groupIds = await this.accounts.groupIdsOf([accountId]);
    const grants = await this.prisma.groupFeature.findMany({ where: { groupId: { in: groupIds } } });
    return this.prisma.feature.findMany({ where: { featureId: { in: grants.map((g) => g.featureId) } } });
  }
}
