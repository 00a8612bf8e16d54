// valid: a static member holds an instance of the project's Cache, an LRUCache subclass with a
// helper of its own, and the rename drops the cached member through that helper.
import { EntityManager } from '@mikro-orm/core';
import Member from '../Member';

export default async function renameMember(em: EntityManager, id: string, name: string) {
  await em.nativeUpdate(Member, { id }, { name });
  Member.cache.invalidate([`member:${id}`]);
}
