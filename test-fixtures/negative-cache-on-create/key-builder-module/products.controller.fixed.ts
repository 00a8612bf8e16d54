import type { Request, Response } from 'express';
import { PrismaClient } from '@prisma/client';
import { cache } from './cache';
import { CacheKeys } from './cache-keys';

const prisma = new PrismaClient();

export async function createProduct(req: Request, res: Response) {
  const product = await prisma.product.create({ data: { id: req.body.id, name: req.body.name, priceCents: req.body.priceCents } }); // expect: negative-cache-on-create
  await cache.del(CacheKeys.product(product.id));
  await cache.del(CacheKeys.productList(1));
  res.status(201).json(product);
}
