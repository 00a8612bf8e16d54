export enum DynamicKey {
  ARTICLE = 'ARTICLE',
}

export function getDynamicKey(key: DynamicKey, suffix: string) {
  return `${key}_${suffix}`;
}
