// The project's repositories wrap the Prisma delegate named in their constructor.
import { PrismaClient } from '@prisma/client';

export abstract class ModelRepository<T> {
  protected readonly delegate: any;

  constructor(protected readonly prisma: PrismaClient, modelName: string) {
    this.delegate = (prisma as any)[modelName];
  }

  findById(id: number): Promise<T | null> {
    return this.delegate.findUnique({ where: { id } });
  }

  update(id: number, data: Partial<T>): Promise<T> {
    return this.delegate.update({ where: { id }, data });
  }
}
