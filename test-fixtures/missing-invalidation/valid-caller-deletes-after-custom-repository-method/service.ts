// valid: the repository method runs the UPDATE; its caller, the service, deletes the key right after.
// The call `this.configRepository.updateConfig(…)` looks like an ORM write to the recogniser; it is
// still a call of the repository method, so the caller is found and its delete counts.
import { Provide, Inject } from '@midwayjs/core';
import Redis from 'ioredis';
import { ConfigRepositoryImpl } from './repo';
@Provide()
export class ConfigServiceImpl {
  private redis = new Redis(process.env.REDIS_URL!);
  @Inject()
  private configRepository: ConfigRepositoryImpl;
  async valueOf(key: string) {
    const hit = await this.redis.get('sys_config:' + key);
    if (hit) return hit;
    const v = await this.configRepository.selectValueByKey(key);
    if (v) await this.redis.set('sys_config:' + key, v, 'EX', 600);
    return v;
  }
  async updateConfig(id: string, key: string, value: string) {
    const rows = await this.configRepository.updateConfig(id, value);
    if (rows > 0) await this.redis.del('sys_config:' + key);
    return rows;
  }
}
