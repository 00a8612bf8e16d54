// valid: the copy is filled on a miss and deleted after a write, never set after one
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { SysConfig } from './sys-config.entity';

/** Caches config rows, filled on a miss. */
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
    if (raw) return JSON.parse(raw) as SysConfig;
    const row = await this.configs.findOneBy({ configKey });
    await this.redis.set(this.key(configKey), JSON.stringify(row), 'EX', 600);
    return row;
  }

  async evict(configKey: string) {
    await this.redis.del(this.key(configKey));
  }
}
