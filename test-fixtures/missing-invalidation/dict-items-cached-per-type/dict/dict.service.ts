// Dictionary items are cached per type under sys_dict:{type}: the table is sys_dict_data, the key
// names the dictionary, so its value is a list of items. Editing an item leaves its type's cached
// list as it was, and so does adding one (the new item is missing from it until the TTL). The
// warm-up method is decorated too, but returns nothing: its `sys_dict:all` entry holds no rows.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Cacheable } from '../common/redis.decorator';
import { RedisService } from '../common/redis.service';
import { SysDictDataEntity } from './dict-data.entity';

@Injectable()
export class DictService {
  constructor(
    @InjectRepository(SysDictDataEntity) private readonly items: Repository<SysDictDataEntity>,
    private readonly redis: RedisService,
  ) {}

  async findByType(dictType: string) {
    const cached = await this.redis.get(`sys_dict:${dictType}`);
    if (cached) return cached;
    const rows = await this.items.find({ where: { dictType } });
    await this.redis.set(`sys_dict:${dictType}`, rows, 3600);
    return rows;
  }

  async createItem(dictType: string, dictLabel: string, dictValue: string) {
    return this.items.save(this.items.create({ dictType, dictLabel, dictValue })); // expect: missing-invalidation
  }

  async updateItem(dictCode: number, dictLabel: string) {
    await this.items.update({ dictCode }, { dictLabel }); // expect: missing-invalidation
  }

  @Cacheable('sys_dict:', 'all', 3600)
  async warmUp() {
    const rows = await this.items.find();
    for (const row of rows) await this.redis.set(`sys_dict:${row.dictType}`, [row], 3600);
  }
}
