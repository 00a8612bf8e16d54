// Members are read through the repository (known here as `memberRepo`) and cached per id.
import Redis from 'ioredis';
import { MemberRepository } from './member.repository';

export class MemberService {
  constructor(
    private readonly memberRepo: MemberRepository,
    private readonly redis: Redis,
  ) {}

  async findOne(id: number) {
    const hit = await this.redis.get(`member:${id}`);
    if (hit) return JSON.parse(hit);
    const row = await this.memberRepo.findById(id);
    await this.redis.set(`member:${id}`, JSON.stringify(row), 'EX', 3600);
    return row;
  }

  async rename(id: number, name: string) {
    await this.memberRepo.rename(id, name);
    await this.redis.del(`member:${id}`);
  }
}
