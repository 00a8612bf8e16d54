import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { Category } from './category.entity';

@Injectable()
export class CategoriesService {
  constructor(
    @InjectRepository(Category) private readonly categories: Repository<Category>,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async findOne(id: number): Promise<Category> {
    const hit = await this.redis.get(`categories:${id}`);
    if (hit) return JSON.parse(hit) as Category;
    const category = await this.categories.findOneBy({ id });
    if (!category) throw new NotFoundException();
    await this.redis.set(`categories:${id}`, JSON.stringify(category), 'EX', 900);
    return category;
  }

  async rename(id: number, name: string): Promise<void> {
    await this.categories.update({ id }, { name });
    await this.redis.del(`categories:${id}`); // expect: key-drift
  }
}
