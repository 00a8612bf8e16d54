import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import { InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { Article } from './article.entity';

@Injectable()
export class ArticlesService {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectRepository(Article) private readonly articles: Repository<Article>,
  ) {}

  async findBySlug(slug: string): Promise<Article | null> {
    const cached = await this.redis.get(`article:slug:${slug}`);
    if (cached) return JSON.parse(cached);
    const article = await this.articles.findOne({ where: { slug }, relations: { author: true } });
    if (article) {
      await this.redis.set(`article:slug:${slug}`, JSON.stringify(article), 'EX', 300); // expect: missing-ttl
    }
    return article;
  }
}
