import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

// `user:{}` holds a row of sys_user (a table prefix before the entity's name, not another entity)
export async function archiveAdmin(id: string) {
  await prisma.sysUser.update({ where: { id }, data: { status: 'archived' } });
  await redis.del(`user:${id}`);
}

export async function renameAdmin(id: string, name: string) {
  await redis.del(`user:${id}`); // expect: invalidate-before-commit
  await prisma.sysUser.update({ where: { id }, data: { name } });
}

export async function closeApplication(id: string) {
  await prisma.application.update({ where: { id }, data: { closed: true } });
}

// application_user links applications to users: leaving one changes no user row
export async function leaveApplication(userId: string, applicationId: string) {
  await redis.del(`user:${userId}`);
  await prisma.applicationUser.deleteMany({ where: { userId, applicationId } });
}
