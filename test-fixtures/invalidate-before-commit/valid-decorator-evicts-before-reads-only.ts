// look-alike: a home-made @CacheEvict that deletes before calling the method, on methods that
// write nothing the key caches: no write commits after the delete, so there is no race.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export function Cacheable(template: string, ttl = 600) {
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    const method = descriptor.value;
    descriptor.value = async function (...args: unknown[]) {
      const key = template.replace('{0}', String(args[0]));
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
      await redis.del(template.replace('{0}', String(args[0])));
      return method.apply(this, args);
    };
  };
}

export class CourseService {
  @Cacheable('course:{0}')
  async find(id: string) {
    return prisma.course.findUnique({ where: { id } });
  }

  // forgets the cached course so the next read reloads it: nothing is written here
  @CacheEvict('course:{0}')
  async refresh(id: string) {
    return id;
  }

  // writes another table than the one the key caches
  @CacheEvict('course:{0}')
  async logView(id: string) {
    await prisma.auditLog.create({ data: { courseId: id } });
  }
}
