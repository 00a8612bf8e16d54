// valid: Headers and URLSearchParams have set(), and '' / 'null' are not cache markers there
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function userLinks(id: string) {
  const user = await prisma.user.findUnique({ where: { id } });
  const headers = new Headers();
  headers.set(`x-user:${id}`, user ? user.email : '');
  const query = new URLSearchParams();
  query.set(`user:${id}`, user ? user.id : 'null');
  return { headers, query: query.toString() };
}

export async function createUser(id: string, email: string) {
  const user = await prisma.user.create({ data: { id, email } });
  return user;
}
