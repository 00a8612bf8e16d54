import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Cache } from 'cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { FeatureFlag } from './entities';

@Injectable()
export class FlagService {
  constructor(
    @InjectRepository(FeatureFlag) private readonly flags: Repository<FeatureFlag>,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async flagOf(tenantId: string, name: string) {
    const row = await this.flags.findOne({ where: { tenantId, name } });
    return !!row?.enabled;
  }

  async disableFlag(tenantId: string, name: string) {
    await this.flags.update({ tenantId, name }, { enabled: false }); // expect: missing-invalidation
  }

  // look-alike: the same write, followed by dropping the cached answer
  async enableFlag(tenantId: string, name: string) {
    await this.flags.update({ tenantId, name }, { enabled: true });
    await this.cache.del(`featureFlag_${tenantId}_${name}`);
  }
}
