// Categories are renamed through the repository and written through under the shared key builder.
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Cache } from 'cache-manager';
import { Repository } from 'typeorm';
import { CacheKeys } from './cache-keys';
import { Category } from './category.entity';

@Injectable()
export class CategoriesService {
  constructor(
    @InjectRepository(Category) private readonly categories: Repository<Category>,
    @Inject(CACHE_MANAGER) private readonly cacheManager: Cache,
  ) {}

  async rename(id: number, name: string): Promise<Category> {
    await this.categories.update(id, { name });
    const category = await this.categories.findOneByOrFail({ id });
    await this.cacheManager.del(CacheKeys.category(id)); // expect: set-after-commit
    return category;
  }
}
