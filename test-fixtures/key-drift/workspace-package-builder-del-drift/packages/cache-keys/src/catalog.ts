// The key layout every service shares, published as @acme/cache-keys/catalog (built to dist/).
export const productKey = (id: string) => `catalog:product:v3:${id}`;
