// Reads a member through the cache: the decoration's builder names the key.
import { Injectable } from '@nestjs/common';
import { CachedEntity } from '../cache/cached-entity';
import { buildMemberKey } from '../cache/key-builders';
import { MemberRepository } from './member.repository';

@Injectable()
export class GetMember {
  constructor(private readonly memberRepository: MemberRepository) {}

  async execute(command: { tenantId: string; memberId: string }) {
    return this.fetchMember(command);
  }

  @CachedEntity({
    builder: (command: { tenantId: string; memberId: string }) =>
      buildMemberKey({ tenantId: command.tenantId, memberId: command.memberId }),
  })
  private async fetchMember({ tenantId, memberId }: { tenantId: string; memberId: string }) {
    return this.memberRepository.findByMemberId(tenantId, memberId);
  }
}
