// valid: neither decoration gives a TTL, and both decorators default one
import { PrismaClient } from '@prisma/client';
import { Cacheable, Remember } from './redis.decorator';

const prisma = new PrismaClient();

export class ConfigService {
  @Cacheable('sys_config:', '{configKey}')
  async value(configKey: string) {
    return prisma.sysConfig.findUnique({ where: { configKey } });
  }

  @Remember({ key: 'sys_config:list:{group}' })
  async list(group: string) {
    return prisma.sysConfig.findMany({ where: { group } });
  }
}
