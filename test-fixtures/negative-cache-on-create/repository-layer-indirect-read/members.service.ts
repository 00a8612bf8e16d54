import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import type { Redis } from 'ioredis';
import { MembersRepository } from './members.repository';

@Injectable()
export class MembersService {
  constructor(
    private readonly members: MembersRepository,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async get(id: string) {
    const cached = await this.redis.get(`member:${id}`);
    if (cached === 'null') return null;
    if (cached) return JSON.parse(cached);
    const member = await this.members.findById(id);
    await this.redis.set(`member:${id}`, member ? JSON.stringify(member) : 'null', 'EX', member ? 300 : 30);
    return member;
  }

  async join(id: string, clubId: string) {
    const member = await this.members.insert(id, clubId);
    await this.redis.del(`club:${clubId}:members`);
    return member;
  }
}
