import Redis from 'ioredis';
import { Inject, Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { RedisKVCache } from './kv-cache';
import { User } from './user.entity';

// The project's caches, built once and injected wherever a user is read or changed.
@Injectable()
export class CacheService {
  public userByIdCache: RedisKVCache<User>;

  constructor(
    @Inject('redis') private redisClient: Redis,
    @Inject('usersRepository') private usersRepository: Repository<User>,
  ) {
    this.userByIdCache = new RedisKVCache<User>(this.redisClient, 'userById', {
      lifetime: 1000 * 60 * 30,
      fetcher: (key) => this.usersRepository.findOneByOrFail({ id: key }),
    });
  }
}
