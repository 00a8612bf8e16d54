// valid: the save through the inherited repository drops the middleware's cached settings.
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CrudService } from './crud.service';
import { TenantSetting } from './tenant-setting.entity';

@Injectable()
export class TenantSettingService extends CrudService<TenantSetting> {
  constructor(
    @InjectRepository(TenantSetting) repo: Repository<TenantSetting>,
    @Inject(CACHE_MANAGER) private readonly cacheManager: Cache,
  ) {
    super(repo);
  }

  async getSettings(tenantId: string) {
    const rows = await this.typeOrmRepository.find({ where: { tenantId } });
    return Object.fromEntries(rows.map((r) => [r.name, r.value]));
  }

  async saveSettings(tenantId: string, input: Record<string, string>) {
    const rows = await this.typeOrmRepository.find({ where: { tenantId } });
    for (const r of rows) if (r.name in input) r.value = input[r.name];
    await this.typeOrmRepository.save(rows);
    await this.cacheManager.del(`tenantSettings_${tenantId}`);
    return rows;
  }
}
