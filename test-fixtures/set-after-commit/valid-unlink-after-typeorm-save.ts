// valid: UNLINK (a non-blocking delete) after the repository save is the recommended pattern
import { Injectable } from '@nestjs/common';
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
    const product = await this.products.findOneByOrFail({ id });
    product.name = name;
    const saved = await this.products.save(product);
    await this.redis.unlink(`product:${id}`, `product:${id}:summary`);
    return saved;
  }
}
