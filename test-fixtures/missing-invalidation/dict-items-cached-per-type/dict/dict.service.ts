// Dictionary items are cached per type under sys_dict:{type}: the table is sys_dict_data, the key
// names the dictionary. Editing an item leaves its type's cached list as it was. The warm-up method
// is decorated too, but returns nothing: its `sys_dict:all` entry holds no rows, and creating an
// item (whose list key has a hole the create cannot name) is left to the TTL.
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
    return this.items.save(this.items.create({ dictType, dictLabel, dictValue }));
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
