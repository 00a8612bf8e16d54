// The read path is the library's read-through (`wrap`): it fills the key itself with what its
// loader returns, so an update of that row without a delete leaves the cached copy stale.
import { Inject, Injectable, Controller, Get, Put, Post, Param, Body } from '@nestjs/common';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Cache } from 'cache-manager';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Article } from './article.entity';

@Injectable()
export class ArticleService {
  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @InjectRepository(Article) private readonly articles: Repository<Article>,
  ) {}

  find(id: string) {
    return this.cache.wrap(`article:${id}`, () => this.articles.findOneBy({ id }), 600_000);
  }

  async retitle(id: string, title: string) {
    await this.articles.update({ id }, { title }); // expect: missing-invalidation
  }

  // look-alike: the entry is deleted after the update
  async publish(id: string) {
    await this.articles.update({ id }, { published: true });
    await this.cache.del(`article:${id}`);
  }

  // look-alike: a copy saved without its id is a new row, which no cached entry holds
  async duplicate(id: string) {
    const a = await this.articles.findOneBy({ id });
    return this.articles.save({ ...a, id: undefined, title: `${a?.title} (copy)` });
  }
}

@Controller('articles')
export class ArticleController {
  constructor(private readonly service: ArticleService) {}

  @Get(':id') find(@Param('id') id: string) { return this.service.find(id); }
  @Put(':id/title') retitle(@Param('id') id: string, @Body('title') title: string) { return this.service.retitle(id, title); }
  @Put(':id/publish') publish(@Param('id') id: string) { return this.service.publish(id); }
  @Post(':id/duplicate') duplicate(@Param('id') id: string) { return this.service.duplicate(id); }
}
