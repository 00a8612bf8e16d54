// valid: a read-through decorator on a read method fills the cache after a miss, and an evicting
// decorator deletes after the update (no set after the write; deleting before it would be
// invalidate-before-commit's: decorator-evicts-before-method.ts there)
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

export function CacheEvict(template: string) {
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    const method = descriptor.value;
    descriptor.value = async function (...args: unknown[]) {
      const result = await method.apply(this, args);
      await redis.del(render(template, args));
      return result;
    };
  };
}

export class ProductService {
  @Cacheable('product:{0}')
  async find(id: string) {
    return prisma.product.findUnique({ where: { id } });
  }

  @CacheEvict('product:{0}')
  async reprice(id: string, priceCents: number) {
    return prisma.product.update({ where: { id }, data: { priceCents } });
  }
}
