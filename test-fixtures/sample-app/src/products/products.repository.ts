// Product queries. Archived products stay in the table (orders reference them) but are hidden
// from listings and from checkout.
import { Injectable } from '@nestjs/common';
import type { Product } from '@prisma/client';
import { PrismaService } from '../database/prisma';
import type { CreateProductDto, UpdateProductDto } from './product.dto';

export interface PriceRow {
  id: string;
  priceCents: number;
  stock: number;
}

@Injectable()
export class ProductsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<Product | null> {
    return this.prisma.product.findUnique({ where: { id } });
  }

  list(page: number, pageSize: number): Promise<Product[]> {
    return this.prisma.product.findMany({
      where: { archivedAt: null },
      orderBy: { createdAt: 'desc' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  /** Current prices straight from the database: an order must never charge a cached price. */
  pricesFor(ids: string[]): Promise<PriceRow[]> {
    return this.prisma.product.findMany({
      where: { id: { in: ids }, archivedAt: null },
      select: { id: true, priceCents: true, stock: true },
    });
  }

  create(dto: CreateProductDto): Promise<Product> {
    return this.prisma.product.create({ data: dto });
  }

  update(id: string, dto: UpdateProductDto): Promise<Product> {
    return this.prisma.product.update({ where: { id }, data: dto });
  }
}
