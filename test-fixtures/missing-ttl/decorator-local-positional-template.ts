// A decorator declared next to its use, with a positional `{0}` template and a cache-manager store
// that has no default TTL: `@Memo('rates:{0}')` without a TTL caches forever (the fix passes one,
// in milliseconds as cache-manager v5+ takes it).
import { createCache } from 'cache-manager';

const cache = createCache();

function keyOf(template: string, args: unknown[]): string {
  return template.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));
}

export function Memo(template: string, ttlMs?: number) {
  return function (_target: object, _name: string, descriptor: PropertyDescriptor) {
    const fn = descriptor.value;
    descriptor.value = async function (...args: unknown[]) {
      const key = keyOf(template, args);
      const hit = await cache.get(key);
      if (hit !== undefined && hit !== null) return hit;
      const value = await fn.apply(this, args);
      await cache.set(key, value, ttlMs);
      return value;
    };
  };
}

export class Rates {
  @Memo('rates:{0}') // expect: missing-ttl
  async forCurrency(currency: string) {
    const res = await fetch(`https://api.example.com/rates/${currency}`);
    return res.json();
  }

  @Memo('rates:{0}:history', 60_000)
  async history(currency: string) {
    const res = await fetch(`https://api.example.com/rates/${currency}/history`);
    return res.json();
  }
}
