// valid: a test writes the row directly on purpose
import { PrismaClient } from '@prisma/client';
import { it } from 'vitest';
import { getUser } from './users';

const prisma = new PrismaClient();

it('reads the renamed user', async () => {
  await prisma.user.update({ where: { id: 'u1' }, data: { name: 'x' } });
  await getUser('u1');
});
