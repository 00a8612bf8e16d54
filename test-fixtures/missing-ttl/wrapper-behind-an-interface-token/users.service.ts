// Injected by a token and typed by an interface, the cache is RedisCacheService, the one class
// implementing it: its set() expires only when given a TTL, and this fill gives none.
import { Inject, Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import { CACHE_SERVICE, ICacheService } from './cache.interface';

@Injectable()
export class UsersService {
  private prisma = new PrismaClient();
  constructor(@Inject(CACHE_SERVICE) private readonly cache: ICacheService) {}

  async findOne(id: string) {
    const hit = await this.cache.get(`user:${id}`);
    if (hit) return hit;
    const user = await this.prisma.user.findUnique({ where: { id } });
    await this.cache.set(`user:${id}`, user); // expect: missing-ttl
    return user;
  }

  async rename(id: string, name: string) {
    await this.prisma.user.update({ where: { id }, data: { name } }); // expect: missing-invalidation
  }
}
