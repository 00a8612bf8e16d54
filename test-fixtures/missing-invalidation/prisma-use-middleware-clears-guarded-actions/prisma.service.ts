// Every create, update and delete clears every cached family (the middleware runs around each
// Prisma query); `deleteMany` is not among the actions it tests, so a bulk delete clears nothing.
import { Injectable, OnModuleInit } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import { CacheKeys } from './cache-keys';
import { CacheService } from './cache.service';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit {
  constructor(private readonly cacheService: CacheService) {
    super();
  }

  async onModuleInit() {
    await this.$connect();
    this.$use(async (params, next) => {
      if (['create', 'update', 'delete'].includes(params.action)) {
        for (const key in CacheKeys) await this.cacheService.delByPattern(`${CacheKeys[key as keyof typeof CacheKeys]}*`);
      }
      return next(params);
    });
  }
}
