// valid: these decorators delete after the method has written (or again after it: a double delete),
// and the early-deleting one decorates methods that write nothing the key caches.
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

export function EvictAfter(template: string) {
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    const method = descriptor.value;
    descriptor.value = async function (...args: unknown[]) {
      const result = await method.apply(this, args);
      await redis.del(render(template, args));
      return result;
    };
  };
}

export function EvictTwice(template: string) {
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    const method = descriptor.value;
    descriptor.value = async function (...args: unknown[]) {
      await redis.del(render(template, args));
      const result = await method.apply(this, args);
      await redis.del(render(template, args));
      return result;
    };
  };
}

export function EvictBefore(template: string) {
  return function (_target: object, _key: string, descriptor: PropertyDescriptor) {
    const method = descriptor.value;
    descriptor.value = async function (...args: unknown[]) {
      await redis.del(render(template, args));
      return method.apply(this, args);
    };
  };
}

export class LessonService {
  @Cacheable('lesson:{0}')
  async find(id: string) {
    return prisma.lesson.findUnique({ where: { id } });
  }

  @EvictAfter('lesson:{0}')
  async rename(id: string, title: string) {
    return prisma.lesson.update({ where: { id }, data: { title } });
  }

  @EvictTwice('lesson:{0}')
  async move(id: string, courseId: string) {
    return prisma.lesson.update({ where: { id }, data: { courseId } });
  }

  // the early delete only forces a reload; the method writes an audit row, not the lesson
  @EvictBefore('lesson:{0}')
  async touch(id: string) {
    await prisma.auditEntry.create({ data: { entity: 'lesson', entityId: id, action: 'view' } });
  }

  // a create adds a row no one has cached under this id yet
  @EvictBefore('lesson:{0}')
  async add(id: string, title: string) {
    return prisma.lesson.create({ data: { id, title } });
  }
}
