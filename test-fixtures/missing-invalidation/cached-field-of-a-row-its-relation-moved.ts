// The cache keeps the user's role (one field of the row read with it); moving the user to another
// role changes its foreign key, and the cached role stays the old one
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

  async moveToRole(id: string, roleId: string) {
    const user = await this.findOneById(id);
    if (!user) return;
    user.roleId = roleId;
    await this.users.save(user); // expect: missing-invalidation
  }

  async moveAllToRole(ids: string[], roleId: string) {
    const users = await this.users.findBy({ id: In(ids) });
    for (const user of users) {
      user.roleId = roleId;
    }
    await this.users.save(users); // expect: missing-invalidation
  }
}
