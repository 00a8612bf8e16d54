// valid: the cached copy gives the criteria of the update; the data comes from the request
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Cache } from 'cache-manager';
import { Repository } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class AccountService {
  constructor(
    @InjectRepository(User) private readonly repo: Repository<User>,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  async rename(email: string, name: string) {
    const cached = await this.cache.get<User>(`user:email:${email}`);
    if (!cached) return;
    await this.repo.update(cached.id, { name });
    const { id } = cached;
    await this.repo.update({ id }, { updatedAt: new Date() });
    await this.cache.del(`user:email:${email}`);
  }
}
