import type { Redis } from 'ioredis';

interface LoaderOptions<T> {
  ttlSeconds: number;
  load: (key: string) => Promise<T>;
  serialize: (value: T) => string;
  parse: (raw: string) => T;
}

// One cache per namespace; each instance is handed the loader that fills it on a miss.
export class KeyedCache<T> {
  private readonly load: (key: string) => Promise<T>;
  private readonly ttlSeconds: number;

  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
    private readonly options: LoaderOptions<T>,
  ) {
    this.load = options.load;
    this.ttlSeconds = options.ttlSeconds;
  }

  async get(key: string): Promise<T | undefined> {
    const raw = await this.redis.get(`kv:${this.namespace}:${key}`);
    return raw === null ? undefined : this.options.parse(raw);
  }

  async set(key: string, value: T): Promise<void> {
    await this.redis.set(`kv:${this.namespace}:${key}`, this.options.serialize(value), 'EX', this.ttlSeconds);
  }

  async del(key: string): Promise<void> {
    await this.redis.del(`kv:${this.namespace}:${key}`);
  }

  async fetch(key: string): Promise<T> {
    const hit = await this.get(key);
    if (hit !== undefined) return hit;
    const fresh = await this.load(key);
    await this.set(key, fresh);
    return fresh;
  }

  /** Loads the entry again and overwrites what the cache holds. */
  async refresh(key: string): Promise<void> {
    const fresh = await this.load(key);
    await this.set(key, fresh);
  }
}

// A cache of one value per instance: its key is the instance's name alone.
export class SingleCache<T> {
  constructor(
    private readonly redis: Redis,
    private readonly name: string,
    private readonly loader: () => Promise<T>,
  ) {}

  async get(): Promise<T | undefined> {
    const raw = await this.redis.get(`single:${this.name}`);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async set(value: T): Promise<void> {
    await this.redis.set(`single:${this.name}`, JSON.stringify(value), 'EX', 600);
  }

  async del(): Promise<void> {
    await this.redis.del(`single:${this.name}`);
  }

  async fetch(): Promise<T> {
    const hit = await this.get();
    if (hit !== undefined) return hit;
    const fresh = await this.loader();
    await this.set(fresh);
    return fresh;
  }

  async refresh(): Promise<void> {
    const fresh = await this.loader();
    await this.set(fresh);
  }
}
