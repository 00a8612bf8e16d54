// Saving a tenant's settings goes through the repository the base class holds for TenantSetting;
// the middleware's cached settings of that tenant are never cleared.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CrudService } from './crud.service';
import { TenantSetting } from './tenant-setting.entity';

@Injectable()
export class TenantSettingService extends CrudService<TenantSetting> {
  constructor(@InjectRepository(TenantSetting) repo: Repository<TenantSetting>) {
    super(repo);
  }

  async getSettings(tenantId: string) {
    const rows = await this.typeOrmRepository.find({ where: { tenantId } });
    return Object.fromEntries(rows.map((r) => [r.name, r.value]));
  }

  async saveSettings(tenantId: string, input: Record<string, string>) {
    const rows = await this.typeOrmRepository.find({ where: { tenantId } });
    for (const r of rows) if (r.name in input) r.value = input[r.name];
    await this.typeOrmRepository.save(rows); // expect: missing-invalidation
    return rows;
  }
}
