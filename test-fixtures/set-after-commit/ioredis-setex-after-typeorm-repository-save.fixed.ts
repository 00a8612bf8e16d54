// A NestJS service that loads a product, changes it and writes it through to Redis.
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { Product } from './product.entity';

@Injectable()
export class ProductsService {
  constructor(
    @InjectRepository(Product) private readonly products: Repository<Product>,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async rename(id: number, name: string): Promise<Product> {
    const product = await this.products.findOneBy({ id });
    if (!product) throw new NotFoundException(`product ${id}`);
    product.name = name;
    const saved = await this.products.save(product);
    await this.redis.del(`product:${id}`); // expect: set-after-commit
    return saved;
  }
}
