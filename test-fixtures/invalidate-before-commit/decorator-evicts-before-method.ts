// A home-made @CacheEvict whose wrapper deletes the key and then calls the method: the methods'
// updates commit after the delete, so a read in between caches the old row again. Reported at each
// decoration whose method writes, and once at the wrapper's delete, where the order is chosen.
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
      await redis.del(render(template, args)); // expect: invalidate-before-commit
      return method.apply(this, args);
    };
  };
}

export class CourseService {
  @Cacheable('course:{0}')
  async find(id: string) {
    return prisma.course.findUnique({ where: { id } });
  }

  @CacheEvict('course:{0}') // expect: invalidate-before-commit
  async rename(id: string, title: string) {
    return prisma.course.update({ where: { id }, data: { title } });
  }

  @CacheEvict('course:{0}') // expect: invalidate-before-commit
  async archive(id: string) {
    await this.markArchived(id);
  }

  private async markArchived(id: string) {
    await prisma.course.update({ where: { id }, data: { archivedAt: new Date() } });
  }
}
