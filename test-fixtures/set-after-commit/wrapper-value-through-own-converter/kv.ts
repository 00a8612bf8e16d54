// A two-level cache class whose converters come from its constructor options: the value reaches
// Redis as `this.encode(value)`, which is still the caller's value.
import type { Redis } from 'ioredis';

export class Tiered<T> {
  private readonly encode: (value: T) => string;
  private readonly decode: (raw: string) => T;

  constructor(
    private readonly redis: Redis,
    private readonly name: string,
    opts: { encode: (value: T) => string; decode: (raw: string) => T },
  ) {
    this.encode = opts.encode;
    this.decode = opts.decode;
  }

  async get(key: string): Promise<T | undefined> {
    const raw = await this.redis.get(`tiered:${this.name}:${key}`);
    return raw == null ? undefined : this.decode(raw);
  }

  async set(key: string, value: T): Promise<void> {
    await this.redis.set(`tiered:${this.name}:${key}`, this.encode(value), 'EX', 1800);
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(`tiered:${this.name}:${key}`);
  }
}
