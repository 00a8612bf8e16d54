// A delete before an update of the row this function has just created invalidates nothing a reader
// could hold; the same delete before an update of a loaded row is the early-invalidation race.
import Redis from 'ioredis';
import { User } from './models';

const redis = new Redis();

export async function register(dto: { login: string; password: string }) {
  const user = await User.create(dto);
  await redis.del(`user/${user.id}`);
  await user.update({ password: `hashed:${dto.password}` });
  return user;
}

export async function changePassword(id: string, password: string) {
  const user = await User.findByPk(id);
  if (!user) return null;
  await redis.del(`user/${user.id}`); // expect: invalidate-before-commit
  await user.update({ password: `hashed:${password}` });
  return user;
}

export async function readUser(id: string) {
  const hit = await redis.get(`user/${id}`);
  if (hit) return JSON.parse(hit);
  const user = await User.findByPk(id);
  await redis.set(`user/${id}`, JSON.stringify(user), 'EX', 600);
  return user;
}
