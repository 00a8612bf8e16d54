// Mongoose session `withTransaction`: the profile key goes before the session commits.
import Redis from 'ioredis';
import mongoose from 'mongoose';
import { Profile } from './models/profile';

const redis = new Redis();

export async function changeHandle(userId: string, handle: string) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Profile.updateOne({ userId }, { $set: { handle } }, { session });
    });
    await redis.del(`profile:${userId}`); // expect: invalidate-before-commit
  } finally {
    await session.endSession();
  }
}
