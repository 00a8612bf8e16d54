// valid: the decorators give an omitted TTL a default (a parameter default, `ttl ?? 3600`)
import { Inject } from '@nestjs/common';
import { RedisService } from './redis.service';

function format(template: string, method: (...a: any[]) => any, args: any[]) {
  const names = method.toString().match(/\(([^)]*)\)/)?.[1].split(',').map((s) => s.trim()) ?? [];
  return template.replace(/\{(\w+)\}/g, (_m, n: string) => String(args[names.indexOf(n)]));
}

export function Cacheable(name: string, template: string, expiresIn: number = 3600) {
  const injectRedis = Inject(RedisService);
  return function (target: any, _key: string, descriptor: PropertyDescriptor) {
    injectRedis(target, 'redis');
    const origin = descriptor.value;
    descriptor.value = async function (...args: any[]) {
      const key = `${name}${format(template, origin, args)}`;
      const hit = await this.redis.get(key);
      if (hit) return hit;
      const result = await origin.apply(this, args);
      await this.redis.set(key, result, expiresIn);
      return result;
    };
  };
}

export function Remember(options: { key: string; ttl?: number }) {
  return function (target: any, _key: string, descriptor: PropertyDescriptor) {
    Inject(RedisService)(target, 'redisService');
    const origin = descriptor.value;
    descriptor.value = async function (...args: any[]) {
      const key = format(options.key, origin, args);
      const hit = await this.redisService.get(key);
      if (hit) return hit;
      const result = await origin.apply(this, args);
      await this.redisService.set(key, result, options.ttl ?? 3600);
      return result;
    };
  };
}
