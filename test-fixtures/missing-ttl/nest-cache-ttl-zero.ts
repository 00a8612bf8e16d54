// Nest's CacheInterceptor with `@CacheTTL(0)`: the handler's result under `@CacheKey` never expires.
import { CacheInterceptor, CacheKey, CacheTTL } from '@nestjs/cache-manager';
import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

@Controller('catalog')
@UseInterceptors(CacheInterceptor)
export class CatalogController {
  @Get('categories')
  @CacheKey('catalog:categories') // expect: missing-ttl
  @CacheTTL(0)
  categories() {
    return prisma.category.findMany();
  }
}
