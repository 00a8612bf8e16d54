// valid: the write is followed by a delete through the cache service
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConfigCacheService } from './config-cache.service';
import { SysConfig } from './sys-config.entity';

@Injectable()
export class ConfigService {
  constructor(
    @InjectRepository(SysConfig) private readonly configs: Repository<SysConfig>,
    private readonly cache: ConfigCacheService,
  ) {}

  /** The next read loads the committed row. */
  async update(id: number, dto: Partial<SysConfig> & { configKey: string }) {
    await this.configs.update(id, dto);
    await this.cache.evict(dto.configKey);
  }
}
