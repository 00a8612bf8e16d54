// A user's "password version" flag: login sets it to 1, a password change sets it to 2 so the
// token guard forces a re-login. A constant is no copy of the row an older read could put back.
// The profile copy beside it is: it is set from the saved row, after the save.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class UserService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async login(user: User) {
    await this.redis.set(`admin:user:version:${user.userId}`, 1);
  }

  async isCurrent(userId: number, pv: number) {
    return Number(await this.redis.get(`admin:user:version:${userId}`)) === pv;
  }

  async resetPassword(userId: number, password: string) {
    await this.users.update(userId, { password });
    if (await this.redis.get(`admin:user:version:${userId}`)) {
      await this.redis.set(`admin:user:version:${userId}`, 2);
    }
  }

  async rename(userId: number, nickName: string) {
    await this.users.update(userId, { nickName });
    const user = await this.users.findOneBy({ userId });
    await this.redis.set(`admin:user:profile:${userId}`, JSON.stringify(user), 'EX', 600); // expect: set-after-commit
  }
}
