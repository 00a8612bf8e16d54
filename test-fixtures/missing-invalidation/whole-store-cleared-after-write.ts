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

  async findOne(id: number) {
    const hit = await this.cache.get<Article>(`article:${id}`);
    if (hit) return hit;
    const row = await this.articles.findOneBy({ id });
    await this.cache.set(`article:${id}`, row, 300_000);
    return row;
  }

  async retitle(id: number, title: string) {
    await this.articles.update(id, { title }); // expect: missing-invalidation
  }

  // the whole store goes after a bulk change: every article key with it (a delete of every key; the
  // call's name alone, `clear`, also reads as an invalidation)
  async retitleAll(prefix: string) {
    await this.articles.update({}, { title: () => `'${prefix}' || title` });
    await this.cache.clear();
  }

  // cache-manager 4 spells it `reset()`
  async archive(id: number) {
    await this.articles.update(id, { archived: true });
    await this.cache.reset();
  }
}
