import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import { Redis } from 'ioredis';
import { AppConfigService } from './app-config.service';

@Injectable()
export class RedisService {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly appConfig: AppConfigService,
  ) {}

  async getConfigCache(configKey: string): Promise<string | null> {
    const { prefix } = this.appConfig.redisKeys.config;
    return this.redis.get(`${prefix}${configKey}`);
  }

  async setConfigCache(configKey: string, value: string): Promise<void> {
    const { prefix, expiresIn } = this.appConfig.redisKeys.config;
    await this.redis.set(`${prefix}${configKey}`, value, 'EX', expiresIn);
  }
}
