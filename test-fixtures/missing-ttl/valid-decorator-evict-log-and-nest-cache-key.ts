// valid: an evicting decorator writes nothing, a logging decorator makes no cache call, and Nest's
// @CacheKey is given a @CacheTTL (or, without one, the module default applies)
import { CacheInterceptor, CacheKey, CacheTTL } from '@nestjs/cache-manager';
import { Controller, Get, UseInterceptors } from '@nestjs/common';
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export function Evict(template: string) {
  return (_t: object, _k: string, descriptor: PropertyDescriptor) => {
    const original = descriptor.value;
    descriptor.value = async function (...args: any[]) {
      const result = await original.apply(this, args);
      await redis.del(template.replace('{id}', String(args[0])));
      return result;
    };
  };
}

export function Log(label: string) {
  return (_t: object, _k: string, descriptor: PropertyDescriptor) => {
    const original = descriptor.value;
    descriptor.value = async function (...args: any[]) {
      console.time(label);
      try {
        return await original.apply(this, args);
      } finally {
        console.timeEnd(label);
      }
    };
  };
}

@Controller('stats')
@UseInterceptors(CacheInterceptor)
export class StatsController {
  @Get('daily')
  @CacheKey('stats:daily')
  @CacheTTL(60_000)
  daily() {
    return prisma.event.count();
  }

  @Get('weekly')
  @CacheKey('stats:weekly')
  weekly() {
    return prisma.event.count();
  }

  @Log('rename')
  @Evict('product:{id}')
  async rename(id: string, name: string) {
    return prisma.product.update({ where: { id }, data: { name } });
  }
}
