// cool-admin's BaseService runs modifyAfter after every add, update and delete: re-setting each
// cached param from a fresh read races concurrent edits like any write-through.
import { Provide } from '@midwayjs/decorator';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { BaseService } from '@cool-midway/core';
import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { BaseSysParamEntity } from '../../entity/sys/param';

const redis = new Redis();

@Provide()
export class BaseSysParamService extends BaseService {
  @InjectEntityModel(BaseSysParamEntity)
  baseSysParamEntity!: Repository<BaseSysParamEntity>;

  async dataByKey(key: string) {
    const cached = await redis.get(`param:${key}`);
    if (cached) return JSON.parse(cached);
    const row = await this.baseSysParamEntity.findOneBy({ keyName: key });
    await redis.set(`param:${key}`, JSON.stringify(row), 'EX', 3600);
    return row;
  }

  async modifyAfter() {
    const params = await this.baseSysParamEntity.find();
    for (const param of params) {
      await redis.del(`param:${param.keyName}`); // expect: set-after-commit
    }
  }
}
