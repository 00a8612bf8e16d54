import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Product } from './product.entity';

@Injectable()
export class CatalogRepository {
  async rename(manager: EntityManager, id: number, name: string) {
    await manager.update(Product, { id }, { name });
  }
}
