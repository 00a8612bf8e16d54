// Every cache key the service uses, built in one place: a reader and an invalidator that format
// the same key by hand drift apart sooner or later. The version segment lets a deploy that changes
// a cached shape start from cold keys instead of parsing the old shape.
export const CacheKeys = {
  product: (id: string) => `product:v2:${id}`,
  user: (id: string) => `user:v1:${id}`,
  order: (id: string) => `order:v1:${id}`,
};

/** Cached in place of a user that does not exist yet, so polling a missing profile skips the DB. */
export const NOT_FOUND = '__NOT_FOUND__';

export const PRODUCT_TTL_SECONDS = 300;
export const USER_TTL_SECONDS = 600;
export const NOT_FOUND_TTL_SECONDS = 60;
/** cache-manager v5 counts in milliseconds. */
export const ORDER_TTL_MS = 120_000;
