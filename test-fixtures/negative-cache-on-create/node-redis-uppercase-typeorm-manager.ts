import { createClient } from 'redis';
import { DataSource } from 'typeorm';
import { ApiKey } from './api-key.entity';

const redis = createClient();

export class ApiKeys {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(token: string): Promise<ApiKey | null> {
    const cached = await redis.GET(`apikey:${token}`);
    if (cached === 'null') return null;
    if (cached) return JSON.parse(cached) as ApiKey;
    const key = await this.dataSource.manager.findOneBy(ApiKey, { token });
    await redis.SET(`apikey:${token}`, key ? JSON.stringify(key) : 'null', { EX: key ? 300 : 15 });
    return key;
  }

  async issue(token: string, ownerId: string): Promise<ApiKey> {
    const created = await this.dataSource.manager.save(ApiKey, { token, ownerId }); // expect: negative-cache-on-create
    return created;
  }
}
