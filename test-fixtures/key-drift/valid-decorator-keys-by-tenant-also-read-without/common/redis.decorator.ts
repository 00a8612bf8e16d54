// Cache decorators of a multi-tenant admin: the tenant goes into the key whenever a request has one.
import { Inject } from '@nestjs/common';
import { RedisService } from './redis.service';
import { paramsKeyFormat } from './key-format';
import { TenantContext } from './tenant';

export function CacheEvict(CACHE_NAME: string, CACHE_KEY: string) {
  const injectRedis = Inject(RedisService);

  return function (target: any, propertyKey: string, descriptor: PropertyDescriptor) {
    injectRedis(target, 'redis');
    const originMethod = descriptor.value;

    descriptor.value = async function (...args: any[]) {
      const result = await originMethod.apply(this, args);
      const key = paramsKeyFormat(originMethod, CACHE_KEY, args);
      const tenantId = TenantContext.getTenantId();
      const fullKey = tenantId ? `${CACHE_NAME}${tenantId}:${key}` : `${CACHE_NAME}${key}`;
      await this.redis.del(fullKey);
      return result;
    };
  };
}

export function Cacheable(CACHE_NAME: string, CACHE_KEY: string, CACHE_EXPIRESIN = 3600) {
  const injectRedis = Inject(RedisService);

  return function (target: any, propertyKey: string, descriptor: PropertyDescriptor) {
    injectRedis(target, 'redis');
    const originMethod = descriptor.value;

    descriptor.value = async function (...args: any[]) {
      const key = paramsKeyFormat(originMethod, CACHE_KEY, args);
      if (key === null) return await originMethod.apply(this, args);
      const tenantId = TenantContext.getTenantId();
      const fullKey = tenantId ? `${CACHE_NAME}${tenantId}:${key}` : `${CACHE_NAME}${key}`;
      const hit = await this.redis.get(fullKey);
      if (hit) return hit;
      const result = await originMethod.apply(this, args);
      await this.redis.set(fullKey, result, CACHE_EXPIRESIN);
      return result;
    };
  };
}
