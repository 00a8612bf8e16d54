import { EntityManager } from '@mikro-orm/core';
import getMember from './repo/getMember';
import renameMember from './repo/renameMember';

export class MemberResolver {
  constructor(private readonly em: EntityManager) {}

  async member(id: string) {
    return getMember(this.em, id);
  }

  async rename(id: string, name: string) {
    return renameMember(this.em, id, name);
  }
}
