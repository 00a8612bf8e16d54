// Dictionary lookups cached by the project's @Cache decorator: one forgets the TTL.
import { PrismaClient } from '@prisma/client';
import { Cache } from './cache.decorator';

const prisma = new PrismaClient();

export class DictService {
  @Cache({ key: 'dict:#{type}' }) // expect: missing-ttl
  async byType(type: string) {
    return prisma.dictData.findMany({ where: { dictType: type } });
  }

  @Cache({ key: 'dict:#{type}:labels', ttl: 600 })
  async labels(type: string) {
    return prisma.dictData.findMany({ where: { dictType: type }, select: { label: true } });
  }
}
