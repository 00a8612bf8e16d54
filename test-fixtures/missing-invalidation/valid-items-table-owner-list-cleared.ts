// The per-type list of dictionary items is cleared by every item write; the dictionary type's own
// row is cached under a key of its own table, which item writes do not touch.
import Redis from 'ioredis';
import { Repository } from 'typeorm';

class DictData {
  id!: number;
  dictType!: string;
  label!: string;
}

class DictType {
  id!: number;
  name!: string;
}

export class DictService {
  constructor(
    private readonly dictDataRepo: Repository<DictData>,
    private readonly dictTypeRepo: Repository<DictType>,
    private readonly redis: Redis,
  ) {}

  async byType(dictType: string) {
    const hit = await this.redis.get(`sys_dict:${dictType}`);
    if (hit) return JSON.parse(hit);
    const rows = await this.dictDataRepo.findBy({ dictType });
    await this.redis.set(`sys_dict:${dictType}`, JSON.stringify(rows), 'EX', 3600);
    return rows;
  }

  async typeRow(id: number) {
    const hit = await this.redis.get(`sys_dict_type:${id}`);
    if (hit) return JSON.parse(hit);
    const row = await this.dictTypeRepo.findOneBy({ id });
    if (row) await this.redis.set(`sys_dict_type:${id}`, JSON.stringify(row), 'EX', 3600);
    return row;
  }

  async updateData(id: number, dictType: string, label: string) {
    await this.dictDataRepo.update(id, { label });
    await this.redis.del(`sys_dict:${dictType}`);
  }

  async addData(dto: { dictType: string; label: string }) {
    await this.dictDataRepo.insert(dto);
    await this.redis.del(`sys_dict:${dto.dictType}`);
  }
}
