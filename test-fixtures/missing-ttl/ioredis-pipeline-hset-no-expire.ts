// config: {"missingTtl": "all-writes"}
import Redis from 'ioredis';
import mongoose from 'mongoose';

const redis = new Redis();
const Session = mongoose.model('Session', new mongoose.Schema({ sid: String, userId: String, roles: [String] }));

export async function cacheSession(sid: string) {
  const session = await Session.findOne({ sid }).lean();
  if (!session) return null;
  await redis
    .pipeline()
    .hset(`session:${sid}`, { userId: String(session.userId), roles: session.roles.join(',') }) // expect: missing-ttl
    .sadd(`user:${session.userId}:sessions`, sid) // expect: missing-ttl
    .exec();
  return session;
}
