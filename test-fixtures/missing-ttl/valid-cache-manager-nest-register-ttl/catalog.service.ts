// valid: the store's default TTL comes from CacheModule.register({ ttl: 5000 }) in app.module.ts
import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import type { Cache } from 'cache-manager';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Category } from './category.entity';

@Injectable()
export class CatalogService {
  constructor(
    @Inject(CACHE_MANAGER) private cacheManager: Cache,
    @InjectRepository(Category) private readonly categories: Repository<Category>,
  ) {}

  async tree(): Promise<Category[]> {
    const cached = await this.cacheManager.get<Category[]>('catalog:tree');
    if (cached) return cached;
    const tree = await this.categories.find({ relations: { children: true } });
    await this.cacheManager.set('catalog:tree', tree);
    return tree;
  }
}
