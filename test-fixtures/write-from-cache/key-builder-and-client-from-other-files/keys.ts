export const CacheKeys = {
  org: (id: string) => `org:${id}`,
};
