import { PrismaClient, SysConfig } from '@prisma/client';
import { BaseRepository } from '../common/base.repository';

export class ConfigRepository extends BaseRepository<SysConfig> {
  constructor(prisma: PrismaClient) {
    super(prisma, 'sysConfig');
  }

  findByConfigKey(configKey: string): Promise<SysConfig | null> {
    return this.findOne({ configKey });
  }
}
