import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Cache } from 'cache-manager';
import { Repository } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly repo: Repository<User>,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async rename(id: number, name: string) {
    const key = `user:${id}`;
    const cached = await this.cache.get<User>(key);
    await this.repo.save({ ...cached, name }); // expect: write-from-cache
    await this.cache.del(key);
  }
}
