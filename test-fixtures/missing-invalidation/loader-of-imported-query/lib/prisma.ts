// One Prisma client for the app, with its helpers next to it.
import { PrismaClient } from '@prisma/client';

const client = new PrismaClient();

export default { client };
