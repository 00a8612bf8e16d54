import { Controller, Patch, Param, Body } from '@nestjs/common';
import { AccountService } from './account.service';

@Controller('accounts')
export class AccountController {
  constructor(private readonly accountService: AccountService) {}
  @Patch('r/:id')
  async update(@Param('id') id: string, @Body() dto: object, org: { id: string }) {
    const record = await this.accountService.getRecordById(id, org.id);
    await this.accountService.deleteCacheById(record.id, org.id); // expect: invalidate-before-commit
    return await this.accountService.updateRecordById(id, org.id, dto);
  }
  @Patch('r/:id/touch')
  async touch(@Param('id') id: string, org: { id: string }) {
    await this.accountService.touch(id, org.id);
  }
}
