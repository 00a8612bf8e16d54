// A static member holds an instance of the project's Cache, an LRUCache subclass with a helper of
// its own: Member.cache.get/set are the LRU cache's. A rename never drops the cached member.
import { EntityManager } from '@mikro-orm/core';
import Member from '../Member';

export default async function renameMember(em: EntityManager, id: string, name: string) {
  await em.nativeUpdate(Member, { id }, { name }); // expect: missing-invalidation
}
