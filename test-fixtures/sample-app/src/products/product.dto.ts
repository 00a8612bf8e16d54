import type { Product } from '@prisma/client';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class CreateProductDto {
  @Matches(/^[A-Z0-9-]{4,32}$/, { message: 'sku must be 4-32 upper-case letters, digits or dashes' })
  sku!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsOptional()
  @IsString()
  @Length(0, 5000)
  description?: string;

  @IsInt()
  @Min(0)
  @Max(10_000_000)
  priceCents!: number;

  @IsInt()
  @Min(0)
  stock!: number;
}

/** Price changes go through the admin API, which audits them; everything else can be patched here. */
export class UpdateProductDto {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @IsOptional()
  @IsString()
  @Length(0, 5000)
  description?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  stock?: number;
}

export class ListProductsQuery {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;
}

/** What the API returns and the cache holds: plain JSON, so a cached copy reads back unchanged. */
export interface ProductView {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  priceCents: number;
  stock: number;
  updatedAt: string;
}

export function toProductView(p: Product): ProductView {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    description: p.description,
    priceCents: p.priceCents,
    stock: p.stock,
    updatedAt: p.updatedAt.toISOString(),
  };
}
