// The dictionary is cached through two services of the project, three calls deep: the update
// changes a label and never drops the cached list of its type.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DictData } from './dict-data.entity';
import { DictCacheService } from './dict-cache.service';

@Injectable()
export class DictDataService {
  constructor(
    @InjectRepository(DictData) private readonly dictData: Repository<DictData>,
    private readonly dictCacheService: DictCacheService,
  ) {}

  async findByDictType(dictType: string): Promise<string[]> {
    const cached = await this.dictCacheService.get(dictType);
    if (cached) return cached;
    const rows = await this.dictData.find({ where: { dictType } });
    const labels = rows.map((d) => d.label);
    await this.dictCacheService.set(dictType, labels);
    return labels;
  }

  async relabel(id: number, label: string) {
    await this.dictData.update(id, { label }); // expect: missing-invalidation
  }
}
