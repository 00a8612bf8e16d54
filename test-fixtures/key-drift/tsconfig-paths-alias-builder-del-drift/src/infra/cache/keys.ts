// Key builders, imported everywhere as `@cache/keys` (tsconfig paths). The v3 layout stores prices in cents.
export const productKey = (id: string) => `catalog:product:v3:${id}`;
