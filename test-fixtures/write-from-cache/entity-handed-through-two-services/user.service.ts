import { Injectable } from '@nestjs/common';
import { UserCache } from './user.cache';
import type { User } from './user.entity';

/** Hands calls on to the cache class. */
@Injectable()
export class UserService {
  constructor(private readonly userCache: UserCache) {}

  get(id: number) {
    return this.userCache.get(id);
  }

  save(user: User) {
    return this.userCache.save(user);
  }
}
