/** What the read paths store for a lookup that found nothing. */
export const CACHED_NULL = JSON.stringify(null);
