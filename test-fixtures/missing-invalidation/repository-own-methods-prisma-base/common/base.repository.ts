// A generic repository over a Prisma delegate: each subclass names its model in the constructor.
import { PrismaClient } from '@prisma/client';

export abstract class BaseRepository<T> {
  protected readonly delegate: any;

  constructor(protected readonly prisma: PrismaClient, modelName: string) {
    this.delegate = (prisma as any)[modelName];
  }

  findOne(where: Record<string, unknown>): Promise<T | null> {
    return this.delegate.findFirst({ where });
  }

  update(id: number, data: Partial<T>): Promise<T> {
    return this.delegate.update({ where: { id }, data });
  }

  async softDeleteBatch(ids: number[]): Promise<number> {
    const r = await this.delegate.updateMany({ where: { id: { in: ids } }, data: { deletedAt: new Date() } });
    return r.count;
  }
}
