import { createClient } from 'redis';

// The client's type is named after what the factory returns.
export type RedisClientType = ReturnType<typeof createClient>;

export function connect(url: string): RedisClientType {
  return createClient({ url });
}
