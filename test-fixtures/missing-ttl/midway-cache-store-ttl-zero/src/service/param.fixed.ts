import { InjectClient, Provide } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { CachingFactory, MidwayCache } from '@midwayjs/cache-manager';
import { Repository } from 'typeorm';
import { SysParam } from '../entity/param';

@Provide()
export class ParamService {
  @InjectEntityModel(SysParam)
  paramEntity: Repository<SysParam>;

  @InjectClient(CachingFactory, 'default')
  midwayCache: MidwayCache;

  async dataByKey(key: string) {
    let result: any = await this.midwayCache.get(`param:${key}`);
    if (!result) {
      result = await this.paramEntity.findOneBy({ keyName: key });
      await this.midwayCache.set(`param:${key}`, result, 300000); // expect: missing-ttl
    }
    return result;
  }
}
