import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { CatalogRepository } from './catalog.repository';
import { Product } from './product.entity';

/** The transaction is opened here; the write happens in a repository method it calls. */
@Injectable()
export class CatalogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogRepository,
    private readonly redis: Redis,
  ) {}

  async product(id: number) {
    const hit = await this.redis.get(`product:${id}`);
    if (hit) return JSON.parse(hit);
    const row = await this.dataSource.getRepository(Product).findOneBy({ id });
    await this.redis.set(`product:${id}`, JSON.stringify(row), 'EX', 300);
    return row;
  }

  async rename(id: number, name: string) {
    await this.dataSource.transaction(async (manager) => {
      await this.catalog.rename(manager, id, name);
    });
    await this.redis.del(`product:${id}`); // expect: invalidate-before-commit
  }
}
