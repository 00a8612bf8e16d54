// Bumped when the cached order JSON changes shape (v3: line items carry tax).
export const CACHE_VERSION = 'v3';
export const ORDER_PREFIX = `order:${CACHE_VERSION}:`;
