import { Injectable } from '@nestjs/common';
import { UserCache } from './user.cache';
import type { User } from './user.entity';

/** Hands calls on to the cache class; a touch saves a fresh row loaded by id, not what it is given. */
@Injectable()
export class UserService {
  constructor(private readonly userCache: UserCache) {}

  get(id: number) {
    return this.userCache.get(id);
  }

  touch(user: User) {
    return this.userCache.touch(user.id);
  }
}
