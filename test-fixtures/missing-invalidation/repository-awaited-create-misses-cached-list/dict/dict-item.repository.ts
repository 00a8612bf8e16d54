import { DictItem, PrismaClient } from '@prisma/client';
import { PrismaRepository } from '../common/prisma.repository';

export class DictItemRepository extends PrismaRepository<DictItem> {
  constructor(prisma: PrismaClient) {
    super(prisma, 'dictItem');
  }
}
