// A project @CachePut decorator writes the method's result after the method ran: on an update
// method that is a cache set after the database write, reported at the decoration.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

function render(template: string, args: unknown[]) {
  return template.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));
}

export function CachePut(template: string, ttl = 600) {
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    const method = descriptor.value;
    descriptor.value = async function (...args: unknown[]) {
      const result = await method.apply(this, args);
      await redis.set(render(template, args), JSON.stringify(result), 'EX', ttl);
      return result;
    };
  };
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

export class ProductService {
  @Cacheable('product:{0}')
  async find(id: string) {
    return prisma.product.findUnique({ where: { id } });
  }

  @CachePut('product:{0}') // expect: set-after-commit
  async reprice(id: string, priceCents: number) {
    return prisma.product.update({ where: { id }, data: { priceCents } });
  }
}
