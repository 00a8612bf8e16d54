// Product reads go through the cache; writes go to the database first and then drop the cached
// copy, so the next read loads the committed row.
import { Injectable, NotFoundException } from '@nestjs/common';
import { AppCache } from '../cache/app-cache';
import { CacheKeys, PRODUCT_TTL_SECONDS } from '../cache/keys';
import { type CreateProductDto, type ProductView, toProductView, type UpdateProductDto } from './product.dto';
import { ProductsRepository } from './products.repository';

@Injectable()
export class ProductsService {
  constructor(
    private readonly products: ProductsRepository,
    private readonly cache: AppCache,
  ) {}

  async findOne(id: string): Promise<ProductView> {
    const cached = await this.cache.get<ProductView>(CacheKeys.product(id));
    if (cached) return cached;
    const product = await this.products.findById(id);
    if (!product || product.archivedAt) throw new NotFoundException(`Product ${id} not found`);
    const view = toProductView(product);
    await this.cache.set(CacheKeys.product(id), view, PRODUCT_TTL_SECONDS);
    return view;
  }

  /** Listings change with every write anywhere in the catalog; they are cheap enough uncached. */
  async list(page: number, pageSize: number): Promise<ProductView[]> {
    const rows = await this.products.list(page, pageSize);
    return rows.map(toProductView);
  }

  async create(dto: CreateProductDto): Promise<ProductView> {
    return toProductView(await this.products.create(dto));
  }

  async update(id: string, dto: UpdateProductDto): Promise<ProductView> {
    const product = await this.products.update(id, dto);
    // Delete, don't overwrite: of two concurrent updates, the one whose cache write lands last
    // would win even if its database write committed first.
    await this.cache.del(CacheKeys.product(id));
    return toProductView(product);
  }
}
