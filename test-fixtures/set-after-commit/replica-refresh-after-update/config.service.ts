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

  /** Two admins saving the same key: each refresh copies what it read, maybe the older row. */
  async update(id: number, dto: Partial<SysConfig> & { configKey: string }) {
    await this.configs.update(id, dto);
    await this.cache.refresh(dto.configKey); // expect: set-after-commit
  }
}
