// A home-made read-through decorator on the facade, imported elsewhere through a tsconfig alias.
import { Inject } from '@nestjs/common';
import { RedisService } from '@app/common/redis.service';

export function Cacheable(template: string, ttl?: number) {
  const injectRedis = Inject(RedisService);
  return function (target: object, _key: string, descriptor: PropertyDescriptor) {
    injectRedis(target, 'redis');
    const method = descriptor.value;
    descriptor.value = async function (this: { redis: RedisService }, ...args: unknown[]) {
      const key = template.replace('{0}', String(args[0]));
      const hit = await this.redis.get(key);
      if (hit) return hit;
      const result = await method.apply(this, args);
      await this.redis.set(key, result, ttl);
      return result;
    };
  };
}
