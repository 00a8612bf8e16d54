// The decorated read caches one column of the config row (its value). The soft delete sets only
// the delete flag, which the cached value does not hold: no finding. Changing the value does.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Cacheable } from '../common/redis.decorator';
import { SysConfig } from './sys-config.entity';

@Injectable()
export class ConfigService {
  constructor(@InjectRepository(SysConfig) private configs: Repository<SysConfig>) {}

  @Cacheable('sys_config', '{configKey}') // expect: missing-ttl
  async getConfigValue(configKey: string) {
    const data = await this.configs.findOne({ where: { configKey } });
    return data.configValue;
  }

  async remove(configIds: number[]) {
    await this.configs.update({ configId: In(configIds) }, { delFlag: '1' });
  }

  async setValue(configId: number, configValue: string) {
    await this.configs.update({ configId }, { configValue }); // expect: missing-invalidation
  }
}
