// The admin template's users service: findOne is cached by the project's own decorator, update
// evicts it, and three other write paths forget to. Reading the row back, a method called
// `resetPwd`, or writing the login session are no invalidation of the cached user.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Cacheable, CacheEvict } from '../common/redis.decorator';
import { RedisService } from '../common/redis.service';
import { UserEntity } from './user.entity';

interface CreateUserDto {
  nickName: string;
  password: string;
}

@Injectable()
export class UserService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly redis: RedisService,
  ) {}

  @Cacheable('sys_user:', '{userId}', 600)
  async findOne(userId: number) {
    return this.users.findOne({ where: { userId } });
  }

  /** A new user: no reader can hold an older copy of a row that did not exist. */
  async create(dto: CreateUserDto) {
    return this.users.save({ ...dto, status: '0' });
  }

  @CacheEvict('sys_user:', '{dto.userId}') // expect: invalidate-before-commit
  async update(dto: { userId: number; nickName: string }) {
    await this.users.update({ userId: dto.userId }, { nickName: dto.nickName });
  }

  async resetPwd(userId: number, password: string) {
    await this.users.update({ userId }, { password }); // expect: missing-invalidation
  }

  async changeStatus(userId: number, status: string) {
    const user = await this.users.findOne({ where: { userId }, select: ['userId'] });
    if (!user) return false;
    await this.users.update({ userId }, { status }); // expect: missing-invalidation
    return true;
  }

  async updateProfile(token: string, userId: number, nickName: string) {
    await this.users.update({ userId }, { nickName }); // expect: missing-invalidation
    const session = await this.redis.get(`login_tokens:${token}`);
    await this.redis.set(`login_tokens:${token}`, { ...session, nickName }, 1800);
  }
}
