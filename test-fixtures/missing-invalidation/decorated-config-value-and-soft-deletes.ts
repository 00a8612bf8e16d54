// The cached result is one field of a config row. A soft delete that the read filters on changes it;
// one the read ignores (it reloads the same value) does not.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

function render(template: string, args: unknown[]) {
  return template.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));
}

export function Cacheable(template: string, ttl = 600) {
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    const method = descriptor.value;
    descriptor.value = async function (...args: unknown[]) {
      const key = render(template, args);
      const hit = await redis.get(key);
      if (hit !== null) return JSON.parse(hit);
      const result = await method.apply(this, args);
      await redis.set(key, JSON.stringify(result), 'EX', ttl);
      return result;
    };
  };
}

export class ConfigService {
  /** every config, deleted ones too: a soft delete leaves the value a reload returns */
  @Cacheable('sys_config:{0}')
  async getConfigValue(configKey: string) {
    const data = await prisma.sysConfig.findFirst({ where: { configKey } });
    return data?.configValue;
  }

  async softDelete(configKey: string) {
    await prisma.sysConfig.updateMany({ where: { configKey }, data: { delFlag: '1' } });
  }
}

export class DictService {
  /** live dictionary entries only: a soft delete changes what a reload returns */
  @Cacheable('sys_dict:{0}')
  async getDictLabel(dictType: string) {
    const data = await prisma.sysDict.findFirst({ where: { dictType, delFlag: '0' } });
    return data?.dictLabel;
  }

  async softDelete(dictType: string) {
    await prisma.sysDict.updateMany({ where: { dictType }, data: { delFlag: '1' } }); // expect: missing-invalidation
  }
}
