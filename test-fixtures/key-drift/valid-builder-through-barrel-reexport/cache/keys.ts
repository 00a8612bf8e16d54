export const CacheKeys = {
  product: (id: string) => `product:v2:${id}`,
} as const;
