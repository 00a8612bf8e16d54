// Two writes of a cached member: the email change invalidates the member's key, the online flag
// does not, so readers see the old flag until the key expires.
import { Injectable } from '@nestjs/common';
import { InvalidateCacheService } from '../cache/invalidate-cache.service';
import { buildMemberKey } from '../cache/key-builders';
import { MemberRepository } from './member.repository';

@Injectable()
export class UpdateMember {
  constructor(
    private readonly memberRepository: MemberRepository,
    private readonly invalidateCache: InvalidateCacheService,
  ) {}

  async changeEmail(command: { tenantId: string; memberId: string; email: string }) {
    await this.memberRepository.update({ tenantId: command.tenantId, memberId: command.memberId }, { email: command.email });
    await this.invalidateCache.invalidateByKey({
      key: buildMemberKey({ tenantId: command.tenantId, memberId: command.memberId }),
    });
  }

  async execute(command: { tenantId: string; memberId: string; isOnline: boolean }) {
    await this.memberRepository.update({ tenantId: command.tenantId, memberId: command.memberId }, { isOnline: command.isOnline }); // expect: missing-invalidation
  }
}
