// The cached user holds the ids of its roles, read through a helper from the link table; the
// per-user menu list (menu.service.ts) is built from the same links. Rewriting a user's links
// without evicting either leaves the old roles and menus in force until the keys expire.
// Look-alikes: links inserted for a user created in the same call (no reader can hold a copy of a
// new user), links rewritten with both keys evicted after the write, and a login log whose rows
// the cached user never reads.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Cacheable } from '../common/redis.decorator';
import { RedisService } from '../common/redis.service';
import { UserEntity } from './user.entity';
import { UserWithRoleEntity } from './user-role.entity';
import { UserLoginLogEntity } from './user-login-log.entity';

@Injectable()
export class UserService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(UserWithRoleEntity) private readonly userRoles: Repository<UserWithRoleEntity>,
    @InjectRepository(UserLoginLogEntity) private readonly logins: Repository<UserLoginLogEntity>,
    private readonly redis: RedisService,
  ) {}

  @Cacheable('sys_user:', '{userId}', 600)
  async findOne(userId: number) {
    const user = await this.users.findOne({ where: { userId } });
    const roleIds = await this.getRoleIds([userId]);
    return { ...user, roleIds };
  }

  async getRoleIds(userIds: number[]) {
    const links = await this.userRoles.find({ where: { userId: In(userIds) } });
    return links.map((l) => l.roleId);
  }

  async updateAuthRole(userId: number, roleIds: number[]) {
    await this.userRoles.delete({ userId }); // expect: missing-invalidation
    await this.userRoles.insert(roleIds.map((roleId) => ({ userId, roleId })));
  }

  async revokeRole(userId: number, roleId: number) {
    await this.userRoles.delete({ userId, roleId }); // expect: missing-invalidation
  }

  async create(nickName: string, roleIds: number[]) {
    const user = await this.users.save({ nickName, password: '', status: '0' });
    await this.userRoles.insert(roleIds.map((roleId) => ({ userId: user.userId, roleId })));
    return user;
  }

  async replaceRoles(userId: number, roleIds: number[]) {
    await this.userRoles.delete({ userId });
    await this.userRoles.insert(roleIds.map((roleId) => ({ userId, roleId })));
    await this.redis.del(`sys_user:${userId}`);
    await this.redis.del(`sys_menu:user:${userId}`);
  }

  async recordLogin(userId: number, ip: string) {
    await this.logins.insert({ userId, ip });
  }

  async forgetLogins(userId: number) {
    await this.logins.delete({ userId });
  }
}
