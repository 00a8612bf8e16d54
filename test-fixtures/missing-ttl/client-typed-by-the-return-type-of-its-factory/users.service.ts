// The injected client is typed by an alias of what node-redis's createClient returns: a fill of the
// user without an expiry stays forever if an invalidation is missed.
import { Inject, Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import type { RedisClientType } from './redis.client';

@Injectable()
export class UsersService {
  private readonly prisma = new PrismaClient();

  constructor(@Inject('RedisClient') private readonly client: RedisClientType) {}

  async findOne(id: string) {
    const hit = await this.client.get(`user:${id}`);
    if (hit) return JSON.parse(hit);
    const user = await this.prisma.user.findUnique({ where: { id } });
    await this.client.set(`user:${id}`, JSON.stringify(user)); // expect: missing-ttl
    return user;
  }
}
