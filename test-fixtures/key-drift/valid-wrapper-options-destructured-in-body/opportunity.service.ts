// valid: each opportunity is read through wrapCache({ key, fn }), whose body destructures the
// options, and deleted under the same key; the list is read and deleted directly on a create
import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import { CacheService } from './cache.service';
import { Keys } from './keys';

@Injectable()
export class OpportunityService {
  constructor(private readonly prisma: PrismaClient, private readonly cacheService: CacheService) {}

  async findById(id: string, org: string) {
    return this.cacheService.wrapCache({
      key: Keys.Opportunity.idByOrg(id, org),
      fn: () => this.prisma.opportunity.findFirst({ where: { id, org } }),
      ttl: 60_000,
    });
  }

  async list(org: string) {
    const hit = await this.cacheService.get(Keys.Opportunity.listByOrg(org));
    if (hit) return hit;
    const rows = await this.prisma.opportunity.findMany({ where: { org } });
    await this.cacheService.set(Keys.Opportunity.listByOrg(org), rows, 60_000);
    return rows;
  }

  async deleteById(id: string, org: string) {
    await this.prisma.opportunity.delete({ where: { id } });
    await this.cacheService.delete(Keys.Opportunity.idByOrg(id, org));
  }

  async create(org: string, name: string) {
    await this.prisma.opportunity.create({ data: { org, name } });
    await this.cacheService.delete(Keys.Opportunity.listByOrg(org));
  }
}
