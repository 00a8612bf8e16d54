import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly prisma: PrismaService) {}

  findOneByKey(key: string) {
    return this.prisma.apiKey.findUnique({ where: { key } });
  }

  updateStatus(id: string, isActive: boolean) {
    return this.prisma.apiKey.update({ where: { id }, data: { isActive } });
  }

  touch(id: string) {
    return this.prisma.apiKey.update({ where: { id }, data: { lastUsedAt: new Date() } });
  }
}
