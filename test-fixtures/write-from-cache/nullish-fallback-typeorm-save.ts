import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Cache } from 'cache-manager';
import { Repository } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class ProfileService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {}

  /** On a hit the cached copy is what gets saved: its other fields overwrite newer ones. */
  async setLocale(id: number, locale: string) {
    const user = (await this.cache.get<User>(`user:${id}`)) ?? (await this.users.findOneBy({ id }));
    if (!user) return;
    user.locale = locale;
    await this.users.save(user); // expect: write-from-cache
    await this.cache.del(`user:${id}`);
  }
}
