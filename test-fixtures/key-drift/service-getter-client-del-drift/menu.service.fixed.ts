import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import { RedisService } from './redis.service';

@Injectable()
export class MenuService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly redisService: RedisService,
  ) {}

  async permsOf(uid: number) {
    const hit = await this.redisService.getRedis().get(`admin:perms:${uid}`);
    if (hit) return JSON.parse(hit);
    const perms = await this.prisma.menu.findMany({ where: { roles: { some: { users: { some: { id: uid } } } } } });
    await this.redisService.getRedis().set(`admin:perms:${uid}`, JSON.stringify(perms), 'EX', 3600);
    return perms;
  }

  async updateRoles(uid: number, roleIds: number[]) {
    await this.prisma.user.update({ where: { id: uid }, data: { roles: { set: roleIds.map((id) => ({ id })) } } });
    await this.redisService.getRedis().del(`admin:perms:${uid}`); // expect: key-drift
  }
}
