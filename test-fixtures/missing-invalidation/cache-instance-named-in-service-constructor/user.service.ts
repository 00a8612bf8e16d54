import { Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { CacheService } from './cache.service';
import { User } from './user.entity';

@Injectable()
export class UserService {
  constructor(
    private cacheService: CacheService,
    private usersRepository: Repository<User>,
  ) {}

  async show(id: string) {
    const hit = await this.cacheService.userByIdCache.get(id);
    if (hit) return hit;
    const user = await this.usersRepository.findOneByOrFail({ id });
    await this.cacheService.userByIdCache.set(id, user);
    return user;
  }

  async suspend(id: string) {
    await this.usersRepository.update(id, { isSuspended: true }); // expect: missing-invalidation
  }

  // look-alike: the same change, and the user's cached copy is dropped after it
  async unsuspend(id: string) {
    await this.usersRepository.update(id, { isSuspended: false });
    await this.cacheService.userByIdCache.delete(id);
  }
}
