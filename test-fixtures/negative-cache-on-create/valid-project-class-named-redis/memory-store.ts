// valid: a project class that happens to be called Redis, backed by a Map (a test double)
export class Redis {
  private readonly entries = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    return this.entries.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    this.entries.set(key, value);
  }
}

export const memoryStore = new Redis();
export const seen = new Map<string, unknown>();
