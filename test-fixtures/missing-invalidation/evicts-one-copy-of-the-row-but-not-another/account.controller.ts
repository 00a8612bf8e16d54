import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { AccountService } from './account.service';
import { FeatureService } from './feature.service';

@Controller('accounts')
export class AccountController {
  constructor(
    private readonly accounts: AccountService,
    private readonly features: FeatureService,
  ) {}

  @Get(':id')
  one(@Param('id') id: string) {
    return this.accounts.findOne(Number(id));
  }

  @Get(':id/features')
  featuresOf(@Param('id') id: string) {
    return this.features.featuresOf(Number(id));
  }

  @Put(':id')
  update(@Body() dto: { accountId: number; groupIds: number[]; displayName: string }) {
    return this.accounts.update(dto);
  }

  @Put(':id/groups')
  regroup(@Body() dto: { accountId: number; groupIds: number[] }) {
    return this.accounts.regroup(dto);
  }
}
