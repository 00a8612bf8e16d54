import { createCache } from 'cache-manager';
import { Schema, model } from 'mongoose';

const NOT_FOUND = 'NOT_FOUND';

interface Product {
  sku: string;
  title: string;
  price: number;
}

const ProductModel = model<Product>('Product', new Schema<Product>({ sku: String, title: String, price: Number }));

const cache = createCache({ ttl: 10 * 60 * 1000 });

export async function productBySku(sku: string): Promise<Product | null> {
  const cached = await cache.get<Product | typeof NOT_FOUND>(`product:${sku}`);
  if (cached === NOT_FOUND) return null;
  if (cached) return cached;
  const product = await ProductModel.findOne({ sku }).lean();
  await cache.set(`product:${sku}`, product ?? NOT_FOUND, 60_000);
  return product;
}

export async function addProduct(input: Product) {
  const created = await ProductModel.create(input); // expect: negative-cache-on-create
  return created.toObject();
}
