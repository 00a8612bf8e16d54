// The decorators key settings by tenant when a request has one; the boot-time reader reads the
// tenant-less key itself, so the preload that fills it is read, and the tenant sync deletes the
// key the decorator reads under the tenant.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Cacheable, CacheEvict } from '../common/redis.decorator';
import { RedisService } from '../common/redis.service';

class ConfigEntity {
  tenantId!: string;
  configKey!: string;
  configValue!: string;
}

@Injectable()
export class ConfigService {
  constructor(
    @InjectRepository(ConfigEntity) private readonly configs: Repository<ConfigEntity>,
    private readonly redisService: RedisService,
  ) {}

  @Cacheable('sys_config:', '{configKey}')
  async getValue(configKey: string) {
    const row = await this.configs.findOne({ where: { configKey } });
    return row?.configValue;
  }

  @CacheEvict('sys_config:', '{dto.configKey}')
  async update(dto: { configKey: string; configValue: string }) {
    await this.configs.update({ configKey: dto.configKey }, { configValue: dto.configValue });
  }

  /** Boot code has no tenant: it reads the defaults under the tenant-less key. */
  async bootValue(configKey: string) {
    const hit = await this.redisService.get(`sys_config:${configKey}`);
    if (hit) return hit;
    const row = await this.configs.findOne({ where: { configKey } });
    await this.redisService.set(`sys_config:${configKey}`, row?.configValue, 600);
    return row?.configValue;
  }

  async preload() {
    const rows = await this.configs.find();
    for (const item of rows) await this.redisService.set(`sys_config:${item.configKey}`, item.configValue, 3600);
  }

  /** Deletes the key the decorator reads when the tenant is set. */
  async resetTenant(tenantId: string, configKey: string) {
    await this.configs.update({ tenantId, configKey }, { configValue: '' });
    await this.redisService.del(`sys_config:${tenantId}:${configKey}`);
  }
}
