// A Nest service evicts through cache-manager, then updates the repository.
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Cache } from 'cache-manager';
import { Repository } from 'typeorm';
import { Article } from './article.entity';

@Injectable()
export class ArticlesService {
  constructor(
    @InjectRepository(Article) private readonly articles: Repository<Article>,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async publish(id: number): Promise<void> {
    await this.cache.del(`article:${id}`); // expect: invalidate-before-commit
    await this.articles.update(id, { publishedAt: new Date() });
  }
}
