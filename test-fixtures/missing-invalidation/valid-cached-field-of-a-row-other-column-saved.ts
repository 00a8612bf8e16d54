// valid: the cache keeps the user's role (one field of the row read with it); deleting an account
// renames it and clears its WeChat ids, which the role does not hold
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import Redis from 'ioredis';
import { User } from './user.entity';

@Injectable()
export class UserService {
  private redis = new Redis();
  constructor(@InjectRepository(User) private users: Repository<User>) {}

  async roleOf(userId: string) {
    const hit = await this.redis.get(`user_roles:${userId}`);
    if (hit) return JSON.parse(hit);
    const user = await this.users.findOne({ where: { id: userId }, relations: ['role'] });
    if (!user) return null;
    await this.redis.set(`user_roles:${userId}`, JSON.stringify(user.role), 'EX', 3600);
    return user.role;
  }

  async findOneById(id: string) {
    return this.users.findOne({ where: { id } });
  }

  async releaseNames(id: string) {
    const user = await this.findOneById(id);
    if (!user) return;
    user.username = `${user.username}__deleted_${user.id}`;
    user.openid = null;
    await this.users.save(user);
  }

  async releaseNamesOf(ids: string[]) {
    const users = await this.users.findBy({ id: In(ids) });
    for (const user of users) {
      user.username = `${user.username}__deleted_${user.id}`;
      user.openid = null;
    }
    await this.users.save(users);
  }
}
