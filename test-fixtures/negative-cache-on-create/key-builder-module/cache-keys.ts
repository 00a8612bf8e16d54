const PREFIX = 'shop';

export const CacheKeys = {
  product: (id: string) => `${PREFIX}:product:${id}`,
  productList: (page: number) => `${PREFIX}:products:page:${page}`,
} as const;
