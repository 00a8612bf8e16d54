// The session cache keeps a SessionUser built right here from the user row: its id, email and
// role. A write of the user's bio leaves it right; a write of the role does not.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

class SessionUser {
  readonly id: string;
  readonly email: string;
  readonly role: string;
  constructor(row: { id: string; email: string; role: string }) {
    this.id = row.id;
    this.email = row.email;
    this.role = row.role;
  }
}

export async function sessionUser(id: string): Promise<SessionUser> {
  const hit = await redis.get(`session-user:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.user.findUniqueOrThrow({ where: { id } });
  const user = new SessionUser(row);
  await redis.set(`session-user:${id}`, JSON.stringify(user), 'EX', 300);
  return user;
}

export async function updateBio(id: string, bio: string) {
  await prisma.user.update({ where: { id }, data: { bio } });
}

export async function promote(id: string) {
  await prisma.user.update({ where: { id }, data: { role: 'admin' } }); // expect: missing-invalidation
}

export async function archiveUser(id: string) {
  await prisma.user.delete({ where: { id } }); // expect: missing-invalidation
}
