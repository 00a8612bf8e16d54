import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

@Injectable()
export class MembersRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string) {
    return this.prisma.member.findUnique({ where: { id } });
  }

  insert(id: string, clubId: string) {
    return this.prisma.member.create({ data: { id, clubId } }); // expect: negative-cache-on-create
  }
}
