// valid: in a Prisma query extension, what runs before `await query(args)` precedes the write,
// and a read operation (findUnique) writes nothing to follow
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();

export const prisma = new PrismaClient().$extends({
  query: {
    user: {
      async update({ args, query }) {
        await redis.set(`user:${String(args.where.id)}:pending`, '1', 'EX', 30);
        return query(args);
      },
      async findUnique({ args, query }) {
        const user = await query(args);
        if (user) await redis.set(`user:${user.id}`, JSON.stringify(user), 'EX', 300);
        return user;
      },
    },
  },
});
