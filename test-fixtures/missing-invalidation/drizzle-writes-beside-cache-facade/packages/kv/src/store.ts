import Redis from 'ioredis';

const redis = new Redis();

// A namespaced store: the namespace is given per instance, the TTL defaults to 30 minutes.
export class NamespacedStore {
  constructor(private readonly ns: string, private readonly ttl = 1800) {}

  private keyOf(id: string) {
    return `${this.ns}:${id}`;
  }

  async get<T>(id: string): Promise<T | undefined> {
    const raw = await redis.get(this.keyOf(id));
    return raw ? (JSON.parse(raw) as T) : undefined;
  }

  async set(id: string, value: unknown) {
    await redis.set(this.keyOf(id), JSON.stringify(value), 'EX', this.ttl);
  }

  async delete(id: string) {
    await redis.del(this.keyOf(id));
  }
}
