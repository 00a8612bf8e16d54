// Midway's RedisService (@midwayjs/redis) is an ioredis client injected by the framework.
import { Provide, Inject } from '@midwayjs/core';
import { RedisService } from '@midwayjs/redis';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import { DictData } from './dict-data.entity';

@Provide()
export class DictService {
  @Inject()
  private redisService: RedisService;

  @InjectEntityModel(DictData)
  private dictRepo: Repository<DictData>;

  async dataOf(dictType: string) {
    const hit = await this.redisService.get(`sys_dict:${dictType}`);
    if (hit) return JSON.parse(hit);
    const rows = await this.dictRepo.find({ where: { dictType } });
    await this.redisService.set(`sys_dict:${dictType}`, JSON.stringify(rows)); // expect: missing-ttl
    return rows;
  }

  async labelOf(dictType: string, value: string) {
    const hit = await this.redisService.get(`sys_dict_label:${dictType}:${value}`);
    if (hit) return hit;
    const row = await this.dictRepo.findOne({ where: { dictType, dictValue: value } });
    await this.redisService.set(`sys_dict_label:${dictType}:${value}`, row?.dictLabel ?? '', 'EX', 600);
    return row?.dictLabel;
  }
}
