// Settings per tenant: reads and evictions go through the decorators, which key by tenant when a
// request has one. The preload and the tenant sync build the key by hand and leave the tenant out.
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

  /** Warms every setting at boot: under keys a request with a tenant never reads. */
  async preload() {
    const rows = await this.configs.find();
    for (const item of rows) {
      await this.redisService.set(`sys_config:${item.configKey}`, item.configValue, 3600); // expect: key-drift
    }
  }

  /** Copies the default settings to every tenant, then drops "the tenant's cache". */
  async syncTenants(tenants: { tenantId: string }[]) {
    for (const tenant of tenants) {
      await this.configs.insert({ tenantId: tenant.tenantId, configKey: 'theme', configValue: 'light' });
      await this.redisService.del(`sys_config:${tenant.tenantId}`); // expect: key-drift
    }
  }
}
