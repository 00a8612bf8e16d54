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

  /** The repository writes whatever it is given: here, the cached copy with one field changed. */
  async addPoints(id: string, n: number) {
    const cached: UserData = JSON.parse((await this.redis.get(`user:${id}`)) ?? '{}');
    await this.users.saveUser(id, { ...cached, points: cached.points + n }); // expect: write-from-cache
    await this.redis.del(`user:${id}`);
  }
}
