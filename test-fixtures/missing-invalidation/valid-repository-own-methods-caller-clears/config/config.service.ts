// Settings read through the cache, loaded with the repository's own query method; the writes go
// through the repository's own methods too.
import Redis from 'ioredis';
import { ConfigRepository } from './config.repository';

export class ConfigService {
  constructor(
    private readonly configRepo: ConfigRepository,
    private readonly redis: Redis,
  ) {}

  async getValue(configKey: string) {
    const hit = await this.redis.get(`sys_config:${configKey}`);
    if (hit !== null) return hit;
    const row = await this.configRepo.findByConfigKey(configKey);
    if (row) await this.redis.set(`sys_config:${configKey}`, row.configValue, 'EX', 600);
    return row?.configValue;
  }

  async update(dto: { configId: number; configKey: string; configValue: string }) {
    await this.configRepo.update(dto.configId, { configValue: dto.configValue });
    await this.redis.del(`sys_config:${dto.configKey}`);
  }

  /** Soft-deletes settings; the controller clears the cache after it. */
  async removeMany(configIds: number[]) {
    return this.configRepo.softDeleteBatch(configIds);
  }

  async clearCache() {
    const keys = await this.redis.keys('sys_config:*');
    if (keys.length > 0) await this.redis.del(...keys);
  }
}
