import { Injectable } from '@nestjs/common';
import { CacheService } from './cache.service';
import { UserRepository } from './user.repository';

@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly cache: CacheService,
  ) {}

  async page(page: number) {
    const key = `users_${page}`;
    const hit = await this.cache.get(key);
    if (hit) return JSON.parse(hit);
    const rows = await this.users.findPage(page * 20, 20);
    await this.cache.set(key, JSON.stringify(rows), 600);
    return rows;
  }

  /** The middleware clears the pages on this update. */
  rename(id: number, name: string) {
    return this.users.update(id, name);
  }
}
