// valid: the cached map is built from the two columns the find selects; the update sets another one
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import Redis from 'ioredis';
import { Following } from './following.entity';

@Injectable()
export class FollowingService {
  private redis = new Redis();
  constructor(@InjectRepository(Following) private followings: Repository<Following>) {}

  async followeesOf(followerId: string) {
    const hit = await this.redis.get(`followings:${followerId}`);
    if (hit) return JSON.parse(hit);
    const rows = await this.followings.find({ where: { followerId }, select: ['followeeId', 'withReplies'] });
    await this.redis.set(`followings:${followerId}`, JSON.stringify(rows), 'EX', 1800);
    return rows;
  }

  async hibernate(followerIds: string[]) {
    await this.followings.update({ followerId: In(followerIds) }, { isFollowerHibernated: true });
  }
}
