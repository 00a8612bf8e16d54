// Both handlers are called `execute`: the one the online route calls clears nothing, whatever
// RemoveMember's `execute` does.
import { Body, Controller, Delete, Param, Put } from '@nestjs/common';
import { RemoveMember } from './remove-member.usecase';
import { UpdateMember } from './update-member.usecase';

@Controller('members')
export class MembersController {
  constructor(
    private readonly updateMemberUsecase: UpdateMember,
    private readonly removeMemberUsecase: RemoveMember,
  ) {}

  @Put(':tenantId/:memberId/online')
  async setOnline(@Param('tenantId') tenantId: string, @Param('memberId') memberId: string, @Body() body: { isOnline: boolean }) {
    return this.updateMemberUsecase.execute({ tenantId, memberId, isOnline: body.isOnline });
  }

  @Delete(':tenantId/:memberId')
  async remove(@Param('tenantId') tenantId: string, @Param('memberId') memberId: string) {
    return this.removeMemberUsecase.execute({ tenantId, memberId });
  }
}
