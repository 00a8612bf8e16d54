import { PrismaClient, SysTagItem } from '@prisma/client';

abstract class DelegateRepository<T> {
  protected readonly delegate: any;
  constructor(protected readonly prisma: PrismaClient, model: string) {
    this.delegate = (prisma as any)[model];
  }
  findMany(where: Record<string, unknown>): Promise<T[]> {
    return this.delegate.findMany({ where });
  }
}

export class TagItemRepository extends DelegateRepository<SysTagItem> {
  constructor(prisma: PrismaClient) {
    super(prisma, 'sysTagItem');
  }
}
