// A Nest service evicts the product inside `dataSource.transaction`: the row is not committed yet.
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { DataSource } from 'typeorm';
import { Product } from './product.entity';
import { StockMove } from './stock-move.entity';

@Injectable()
export class ProductsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async reprice(id: number, priceCents: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Product, { id }, { priceCents });
      await manager.insert(StockMove, { productId: id, reason: 'reprice' });
    });
    await this.cache.del(`product:${id}`); // expect: invalidate-before-commit
  }
}
