import { Repository } from 'typeorm';
import { Product } from './product.entity';
import type { ProductCache } from './product-cache';

export class ProductsService {
  constructor(
    private readonly repo: Repository<Product>,
    private readonly cache: ProductCache,
  ) {}

  async rename(id: string, name: string) {
    await this.repo.update(id, { name });
    const p = await this.repo.findOneBy({ id });
    await this.cache.put(id, JSON.stringify(p)); // expect: set-after-commit, missing-ttl
  }

  async product(id: string) {
    const hit = await this.cache.get(id);
    if (hit) return JSON.parse(hit);
    const p2 = await this.repo.findOneBy({ id });
    await this.cache.put(id, JSON.stringify(p2), 300);
    return p2;
  }
}
