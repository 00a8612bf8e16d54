import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async findByEmail(email: string): Promise<User> {
    const key = `user:email:${email}`;
    const cached = await this.redis.get(key);
    if (cached === 'null') throw new NotFoundException();
    if (cached) return JSON.parse(cached) as User;
    const user = await this.users.findOneBy({ email });
    if (!user) {
      await this.redis.set(key, 'null', 'EX', 60);
      throw new NotFoundException();
    }
    await this.redis.set(key, JSON.stringify(user), 'EX', 3600);
    return user;
  }
}
