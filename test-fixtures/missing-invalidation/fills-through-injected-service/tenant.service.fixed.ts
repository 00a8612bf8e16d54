import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Cache } from 'cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantSetting } from './entities';

@Injectable()
export class TenantService {
  constructor(
    @InjectRepository(TenantSetting) private readonly settings: Repository<TenantSetting>,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async settingsOf(tenantId: string) {
    const rows = await this.settings.find({ where: { tenantId } });
    return Object.fromEntries(rows.map((r) => [r.name, r.value]));
  }

  async updateSetting(tenantId: string, name: string, value: string) {
    await this.settings.update({ tenantId, name }, { value }); // expect: missing-invalidation
    await this.cache.del(`tenantSettings_${tenantId}`);
  }

  // look-alike: the same write, followed by dropping the cached copy
  async renameSetting(tenantId: string, name: string, value: string) {
    await this.settings.update({ tenantId, name }, { value });
    await this.cache.del(`tenantSettings_${tenantId}`);
  }
}
