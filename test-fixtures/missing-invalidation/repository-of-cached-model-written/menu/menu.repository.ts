import { PrismaClient, SysMenu } from '@prisma/client';
import { ModelRepository } from '../common/model.repository';

export class MenuRepository extends ModelRepository<SysMenu> {
  constructor(prisma: PrismaClient) {
    super(prisma, 'sysMenu');
  }
}
