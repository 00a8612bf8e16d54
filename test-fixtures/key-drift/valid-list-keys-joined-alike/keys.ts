// valid: a key is one string or a list of parts joined with ':', on every path.
export function keyOf(key: string | string[]): string {
  return Array.isArray(key) ? key.join(':') : key;
}
export const partsKey = (...parts: string[]) => parts.join(':');
