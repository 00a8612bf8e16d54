// Dict data cached per dict type, read with a query builder whose join binds the type as a
// parameter: the rows of one dict type. Saving or deleting dict data leaves the list stale; a count
// bound by a column its key does not name holds no rows of one value the key stands for.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { DictData } from './dict-data.entity';

@Injectable()
export class DictService {
  constructor(
    @InjectRepository(DictData) private readonly dictDataRepository: Repository<DictData>,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async getDictDataByDictType(dictType: string) {
    const cached = await this.redis.get(`sys:dictType:${dictType}`);
    if (cached) return JSON.parse(cached);
    const rows = await this.dictDataRepository
      .createQueryBuilder('dictData')
      .innerJoin('dictData.dictType', 'dictType', 'dictType.status = 0 and dictType.dictType = :dictType', { dictType })
      .where('dictData.status = 0')
      .getMany();
    await this.redis.set(`sys:dictType:${dictType}`, JSON.stringify(rows), 'EX', 3600);
    return rows;
  }

  async addDictData(dto: Partial<DictData>) {
    return this.dictDataRepository.save(dto); // expect: missing-invalidation
  }

  async deleteDictData(ids: number[]) {
    return this.dictDataRepository.delete(ids); // expect: missing-invalidation
  }

  /** Bound by a column the key does not name: a count, no list of one dict type's rows. */
  async getTenantDictCount(tenantId: string) {
    const cached = await this.redis.get(`stats:dashboard:${tenantId}`);
    if (cached) return JSON.parse(cached);
    const count = await this.dictDataRepository.createQueryBuilder('d').where('d.tenantId = :tenantId', { tenantId }).getCount();
    await this.redis.set(`stats:dashboard:${tenantId}`, JSON.stringify(count), 'EX', 3600);
    return count;
  }
}
