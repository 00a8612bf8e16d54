// One builder for every key: its parts, joined with ':'.
export const cacheKey = (...parts: (string | number)[]) => parts.join(':');
