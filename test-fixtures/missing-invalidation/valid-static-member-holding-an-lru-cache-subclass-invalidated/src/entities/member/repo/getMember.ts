import { EntityManager } from '@mikro-orm/core';
import Member from '../Member';

export default async function getMember(em: EntityManager, id: string) {
  const cacheKey = `member:${id}`;
  if (Member.cache.has(cacheKey)) return Member.cache.get(cacheKey);
  const member = await em.findOne(Member, { id });
  Member.cache.set(cacheKey, member);
  return member;
}
