import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

@Injectable()
export class UserRepository {
  constructor(private readonly prisma: PrismaService) {}

  findPage(skip: number, take: number) {
    return this.prisma.user.findMany({ skip, take });
  }

  update(id: number, name: string) {
    return this.prisma.user.update({ where: { id }, data: { name } });
  }

  removeInactive() {
    return this.prisma.user.deleteMany({ where: { active: false } }); // expect: missing-invalidation
  }
}
