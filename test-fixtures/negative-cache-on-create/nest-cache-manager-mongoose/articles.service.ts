import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Cache } from 'cache-manager';
import { Model } from 'mongoose';
import { Article } from './article.schema';

const ARTICLE_GONE = '__ABSENT__';

@Injectable()
export class ArticlesService {
  constructor(
    @InjectModel(Article.name) private readonly articleModel: Model<Article>,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async bySlug(slug: string): Promise<Article | null> {
    const cached = await this.cache.get<Article | string>(`article:${slug}`);
    if (cached === ARTICLE_GONE) return null;
    if (cached) return cached as Article;
    const article = await this.articleModel.findOne({ slug }).lean().exec();
    await this.cache.set(`article:${slug}`, article ?? ARTICLE_GONE, article ? 600_000 : 30_000);
    return article;
  }

  async publish(slug: string, title: string, body: string): Promise<Article> {
    const article = await this.articleModel.create({ slug, title, body }); // expect: negative-cache-on-create
    return article.toObject();
  }
}
