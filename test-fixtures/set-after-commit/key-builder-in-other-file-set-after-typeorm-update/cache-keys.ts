// Every cache key of the catalogue, in one place.
export const CacheKeys = {
  category: (id: number) => `category:${id}`,
  categoryTree: () => 'category:tree',
};
