// @liaoliaots/nestjs-redis: the client comes from RedisService.getOrThrow().
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RedisService } from '@liaoliaots/nestjs-redis';
import type Redis from 'ioredis';
import { Repository } from 'typeorm';
import { Follow } from './follow.entity';

@Injectable()
export class FollowsService {
  private readonly redis: Redis;

  constructor(
    @InjectRepository(Follow) private readonly follows: Repository<Follow>,
    redisService: RedisService,
  ) {
    this.redis = redisService.getOrThrow();
  }

  async unfollow(followerId: string, followeeId: string): Promise<number> {
    await this.follows.delete({ followerId, followeeId });
    const count = await this.follows.countBy({ followeeId });
    await this.redis.set(`follow:count:${followeeId}`, String(count), 'EX', 3600); // expect: set-after-commit
    return count;
  }
}
