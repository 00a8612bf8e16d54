import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { SysConfig } from './sys-config.entity';

/** Keeps a copy of every config row in Redis; readers use it as they find it. */
@Injectable()
export class ConfigCacheService {
  constructor(
    private readonly redis: Redis,
    @InjectRepository(SysConfig) private readonly configs: Repository<SysConfig>,
  ) {}

  private key(configKey: string) {
    return `sys_config:${configKey}`;
  }

  async get(configKey: string) {
    const raw = await this.redis.get(this.key(configKey));
    return raw ? (JSON.parse(raw) as SysConfig) : null;
  }

  async refresh(configKey: string) {
    const row = await this.configs.findOneBy({ configKey });
    await this.redis.set(this.key(configKey), JSON.stringify(row));
  }
}
