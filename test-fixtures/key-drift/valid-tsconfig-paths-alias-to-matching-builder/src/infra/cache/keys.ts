// valid: the builder behind the @cache/* alias reads and writes catalog:product:v3, which the admin deletes
export const productKey = (id: string) => `catalog:product:v3:${id}`;
