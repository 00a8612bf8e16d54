// valid: the cached copy only decides whether to write; the repository gets the request's fields
import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { UsersRepository, type UserData } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async rename(id: string, dto: UserData) {
    const cached = await this.redis.get(`user:${id}`);
    if (!cached) return;
    await this.users.saveUser(id, { name: dto.name, points: dto.points });
    await this.redis.del(`user:${id}`);
  }
}
