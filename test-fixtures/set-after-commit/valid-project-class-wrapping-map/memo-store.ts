// valid: a project class with a cache-like API that only wraps a Map (no cache client behind it)
export class RedisLikeStore<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    return e && e.expiresAt > Date.now() ? e.value : undefined;
  }

  set(key: string, value: V, ttlMs = 30_000): void {
    this.entries.set(key, { value, expiresAt: Date.now() + ttlMs });
  }
}
