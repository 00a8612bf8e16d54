// A Prisma client extension runs the update (`await query(args)`) and then writes the result
// through to the cache.
import { Redis } from '@upstash/redis';
import { PrismaClient } from '@prisma/client';

const redis = Redis.fromEnv();

export const prisma = new PrismaClient().$extends({
  query: {
    user: {
      async update({ args, query }) {
        const user = await query(args);
        await redis.set(`user:${user.id}`, JSON.stringify(user), { ex: 300 }); // expect: set-after-commit
        return user;
      },
    },
  },
});
