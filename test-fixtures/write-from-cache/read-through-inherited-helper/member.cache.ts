import { BaseCache } from './base-cache';

export class MemberCache extends BaseCache {
  async read(id: string) {
    return this.readJson<{ id: string; name: string }>(`member:${id}`);
  }

  async write(id: string, row: unknown) {
    await this.client.set(`member:${id}`, JSON.stringify(row), 'EX', 300);
  }

  async evict(id: string) {
    await this.client.del(`member:${id}`);
  }
}
