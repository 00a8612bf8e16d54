// Dictionary items (the dict_data table) are cached as one list per dictionary type, under a key
// that names the dictionary: changing an item or adding one leaves that list stale.
import Redis from 'ioredis';
import { Repository } from 'typeorm';

class DictData {
  id!: number;
  dictType!: string;
  label!: string;
}

export class DictService {
  constructor(
    private readonly dictDataRepo: Repository<DictData>,
    private readonly redis: Redis,
  ) {}

  async byType(dictType: string) {
    const hit = await this.redis.get(`sys_dict:${dictType}`);
    if (hit) return JSON.parse(hit);
    const rows = await this.dictDataRepo.findBy({ dictType });
    await this.redis.set(`sys_dict:${dictType}`, JSON.stringify(rows), 'EX', 3600);
    return rows;
  }

  async updateData(id: number, label: string) {
    await this.dictDataRepo.update(id, { label }); // expect: missing-invalidation
  }

  async addData(dto: { dictType: string; label: string }) {
    await this.dictDataRepo.insert(dto); // expect: missing-invalidation
  }
}
