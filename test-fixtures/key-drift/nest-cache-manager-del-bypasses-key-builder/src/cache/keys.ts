// One place for every cache key: the version segment moves when the cached JSON changes shape.
export const CacheKeys = {
  product: (id: string) => `product:v2:${id}`,
  productList: (page: number) => `products:v2:page:${page}`,
};

export const PRODUCT_TTL_MS = 5 * 60_000;
