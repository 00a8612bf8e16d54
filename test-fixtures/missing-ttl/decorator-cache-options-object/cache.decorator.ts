// `@Cache({ key, ttl })`: the key template uses `#{name}` placeholders; without `ttl` the value is
// written with no expiry.
import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL!);

function renderKey(template: string, method: (...a: unknown[]) => unknown, args: unknown[]): string {
  const names = method.toString().slice(method.toString().indexOf('(') + 1, method.toString().indexOf(')')).split(',').map((s) => s.trim());
  return template.replace(/#\{(\w+)\}/g, (_m, name: string) => String(args[names.indexOf(name)]));
}

export function Cache(options: { key: string; ttl?: number }) {
  return (target: object, propertyKey: string, descriptor: PropertyDescriptor) => {
    const original = descriptor.value;
    descriptor.value = async function (...args: unknown[]) {
      const key = renderKey(options.key, original, args);
      const hit = await redis.get(key);
      if (hit !== null) return JSON.parse(hit);
      const value = await original.apply(this, args);
      if (options.ttl) await redis.set(key, JSON.stringify(value), 'EX', options.ttl);
      else await redis.set(key, JSON.stringify(value));
      return value;
    };
    return descriptor;
  };
}
