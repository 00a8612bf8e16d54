// The users service: findOne is cached by the decorator, with no expiry given; the list is cached
// for a minute; updates evict the user's entry.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Cacheable, CacheEvict } from '../common/redis.decorator';
import { UserEntity } from './user.entity';

@Injectable()
export class UserService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  @Cacheable('sys_user:', '{userId}') // expect: missing-ttl
  async findOne(userId: number) {
    return this.users.findOne({ where: { userId } });
  }

  @Cacheable('sys_user:', 'list:{deptId}', 60)
  async listByDept(deptId: number) {
    return this.users.find({ where: { deptId } });
  }

  @CacheEvict('sys_user:', '{dto.userId}') // expect: invalidate-before-commit
  async update(dto: { userId: number; nickName: string }) {
    await this.users.update({ userId: dto.userId }, { nickName: dto.nickName });
  }
}
