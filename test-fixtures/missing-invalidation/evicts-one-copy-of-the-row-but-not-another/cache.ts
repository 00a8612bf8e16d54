import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';

@Injectable()
export class RedisService {
  private readonly client = new Redis();

  async get(key: string) {
    const raw = await this.client.get(key);
    return raw ? JSON.parse(raw) : null;
  }

  async set(key: string, value: unknown, ms: number) {
    await this.client.set(key, JSON.stringify(value), 'PX', ms);
  }

  async del(key: string) {
    return this.client.del(key);
  }
}

/** `{accountId}` in the template is read off the method's first argument (or is that argument). */
function keyOf(template: string, args: any[]): string {
  return template.replace(/\{(\w+)\}/g, (_, name) => String(args[0]?.[name] ?? args[0]));
}

export function Cacheable(prefix: string, template: string, seconds = 3600) {
  const injectRedis = Inject(RedisService);
  return function (target: any, _name: string, descriptor: PropertyDescriptor) {
    injectRedis(target, 'redis');
    const original = descriptor.value;
    descriptor.value = async function (...args: any[]) {
      const key = `${prefix}${keyOf(template, args)}`;
      const hit = await this.redis.get(key);
      if (hit) return hit;
      const value = await original.apply(this, args);
      await this.redis.set(key, value, seconds * 1000);
      return value;
    };
  };
}

export function CacheEvict(prefix: string, template: string) {
  const injectRedis = Inject(RedisService);
  return function (target: any, _name: string, descriptor: PropertyDescriptor) {
    injectRedis(target, 'redis');
    const original = descriptor.value;
    descriptor.value = async function (...args: any[]) {
      const key = keyOf(template, args);
      const result = await original.apply(this, args);
      await this.redis.del(`${prefix}${key}`);
      return result;
    };
  };
}
