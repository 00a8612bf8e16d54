import { CACHE_MANAGER, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Cache } from 'cache-manager';
import { Repository } from 'typeorm';
import { User } from './user.entity';

/** A read-through of users, and their saves. */
@Injectable()
export class UserCache {
  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async get(id: number): Promise<User> {
    const json = await this.cache.get<string>(`user:get:${id}`);
    if (json) return JSON.parse(json) as User;
    const user = await this.users.findOneByOrFail({ id });
    await this.cache.set(`user:get:${id}`, JSON.stringify(user), 360_000);
    return user;
  }

  async save(user: User): Promise<User> {
    const saved = await this.users.save(user);
    await this.cache.del(`user:get:${saved.id}`);
    return saved;
  }
}
