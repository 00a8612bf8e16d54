import { Body, Controller, Param, Put } from '@nestjs/common';
import { PermsService } from './perms.service';
import { UsersService } from './users.service';

@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly perms: PermsService,
  ) {}

  /** The write is in one service, the cache set in another: the order is visible here. */
  @Put(':id/roles')
  async update(@Param('id') id: string, @Body() dto: { roles: string[] }) {
    await this.users.setRoles(id, dto.roles);
    await this.perms.refresh(id); // expect: set-after-commit
  }
}
