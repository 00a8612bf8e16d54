// valid: a setting helper of the project, reached through two services
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SysConfig } from './entities';
import { RedisService } from './redis.service';

@Injectable()
export class ConfigService {
  constructor(
    @InjectRepository(SysConfig) private readonly configs: Repository<SysConfig>,
    private readonly redisService: RedisService,
  ) {}

  // a setting's value, cached, an empty one too (so a missing setting is not looked up every time)
  async getValueByKey(configKey: string): Promise<string | null> {
    const cached = await this.redisService.getConfigCache(configKey);
    if (cached !== null) return cached;
    const config = await this.configs.findOne({ where: { configKey } });
    const value = config?.configValue || '';
    await this.redisService.setConfigCache(configKey, value);
    return value || null;
  }
}
