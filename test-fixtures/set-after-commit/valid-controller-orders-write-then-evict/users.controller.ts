// valid: the write is followed by a delete through the permissions service
import { Body, Controller, Param, Put } from '@nestjs/common';
import { PermsService } from './perms.service';
import { UsersService } from './users.service';

@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly perms: PermsService,
  ) {}

  /** The write, then a delete: the next read rebuilds the permissions. */
  @Put(':id/roles')
  async update(@Param('id') id: string, @Body() dto: { roles: string[] }) {
    await this.users.setRoles(id, dto.roles);
    await this.perms.evict(id);
  }
}
