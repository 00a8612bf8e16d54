// Menus of a user, cached per user and computed from the user's role links.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Cacheable } from '../common/redis.decorator';
import { UserService } from '../user/user.service';
import { RoleMenuEntity } from './role-menu.entity';

@Injectable()
export class MenuService {
  constructor(
    private readonly userService: UserService,
    @InjectRepository(RoleMenuEntity) private readonly roleMenus: Repository<RoleMenuEntity>,
  ) {}

  @Cacheable('sys_menu:', 'user:{userId}', 600)
  async menusOfUser(userId: number) {
    const roleIds = await this.userService.getRoleIds([userId]);
    const links = await this.roleMenus.find({ where: { roleId: In(roleIds) } });
    return links.map((l) => l.menuId);
  }
}
