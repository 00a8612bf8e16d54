// Removing a member clears its cached entry after the delete.
import { Injectable } from '@nestjs/common';
import { InvalidateCacheService } from '../cache/invalidate-cache.service';
import { buildMemberKey } from '../cache/key-builders';
import { MemberRepository } from './member.repository';

@Injectable()
export class RemoveMember {
  constructor(
    private readonly memberRepository: MemberRepository,
    private readonly invalidateCache: InvalidateCacheService,
  ) {}

  async execute(command: { tenantId: string; memberId: string }) {
    await this.memberRepository.delete({ tenantId: command.tenantId, memberId: command.memberId });
    await this.invalidateCache.invalidateByKey({ key: buildMemberKey(command) });
  }
}
