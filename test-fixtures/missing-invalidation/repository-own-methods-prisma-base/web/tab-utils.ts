const rendered = new Map<number, string>();

export function clearCache() {
  rendered.clear();
}
