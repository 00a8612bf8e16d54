// The project's repositories wrap a Prisma delegate; `create` inserts (it is Prisma's create).
import { PrismaClient } from '@prisma/client';

export abstract class PrismaRepository<T> {
  protected readonly model: any;

  constructor(prisma: PrismaClient, modelName: string) {
    this.model = (prisma as any)[modelName];
  }

  create(data: Partial<T>): Promise<T> {
    return this.model.create({ data });
  }

  findManyBy(where: Record<string, unknown>): Promise<T[]> {
    return this.model.findMany({ where });
  }
}
