// A config read-through cache, and two update paths: one deletes through the facade before the
// update commits (a reader in between caches the old value again), one after it.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RedisService } from './redis.service';
import { SysConfigEntity } from './sys-config.entity';

@Injectable()
export class ConfigService {
  constructor(
    @InjectRepository(SysConfigEntity) private readonly configRepo: Repository<SysConfigEntity>,
    private readonly redis: RedisService,
  ) {}

  async getValue(configKey: string) {
    const hit = await this.redis.get(`sys_config:${configKey}`);
    if (hit !== null) return hit;
    const row = await this.configRepo.findOne({ where: { configKey } });
    await this.redis.set(`sys_config:${configKey}`, row?.configValue ?? '', 3600);
    return row?.configValue;
  }

  async update(configKey: string, configValue: string) {
    await this.redis.del(`sys_config:${configKey}`); // expect: invalidate-before-commit
    await this.configRepo.update({ configKey }, { configValue });
  }

  async rename(configKey: string, configName: string) {
    await this.configRepo.update({ configKey }, { configName });
    await this.redis.del(`sys_config:${configKey}`);
  }
}
