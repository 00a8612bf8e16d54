// valid: the CacheModule registration is not in the analysed files, so its default TTL is unknown: stay silent
import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Cache } from 'cache-manager';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    private readonly users: UsersRepository,
  ) {}

  async profile(id: string) {
    const cached = await this.cache.get(`user:profile:${id}`);
    if (cached) return cached;
    const user = await this.users.findById(id);
    await this.cache.set(`user:profile:${id}`, user);
    return user;
  }
}
