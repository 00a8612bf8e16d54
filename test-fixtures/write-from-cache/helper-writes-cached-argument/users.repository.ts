import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

export interface UserData {
  name: string;
  points: number;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  async saveUser(id: string, data: UserData) {
    return this.prisma.user.update({ where: { id }, data });
  }
}
