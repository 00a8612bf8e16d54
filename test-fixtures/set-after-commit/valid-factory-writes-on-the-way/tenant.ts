import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

// builds the in-process tenant context; it records the boot and returns the context, not a row
export class Tenant {
  static async create(id: string): Promise<Tenant> {
    const row = await prisma.tenantBoot.update({ where: { tenantId: id }, data: { bootedAt: new Date() } });
    return new Tenant(id, row.bootedAt);
  }
  constructor(readonly id: string, readonly bootedAt: Date) {}
}
