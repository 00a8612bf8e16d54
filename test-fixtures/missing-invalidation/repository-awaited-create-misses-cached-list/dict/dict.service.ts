// Each dictionary type's items are cached as one list; adding an item goes through the
// repository's own awaited create and never clears that list.
import Redis from 'ioredis';
import { DictItemRepository } from './dict-item.repository';

export class DictService {
  constructor(
    private readonly dictItemRepo: DictItemRepository,
    private readonly redis: Redis,
  ) {}

  async itemsOf(dictType: string) {
    const hit = await this.redis.get(`dict:${dictType}`);
    if (hit) return JSON.parse(hit);
    const items = await this.dictItemRepo.findManyBy({ dictType });
    await this.redis.set(`dict:${dictType}`, JSON.stringify(items), 'EX', 3600);
    return items;
  }

  async addItem(dto: { dictType: string; label: string; value: string }) {
    await this.dictItemRepo.create({ ...dto, sort: 0 }); // expect: missing-invalidation
    return { ok: true };
  }
}
