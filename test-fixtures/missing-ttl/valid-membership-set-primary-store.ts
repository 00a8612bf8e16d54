// config: {"missingTtl": "all-writes"}
// valid: a membership set kept by SADD/SREM and read as it is: Redis is the store, nothing reloads it
import Redis from 'ioredis';

const redis = new Redis();

export async function joinBeta(teamId: string) {
  await redis.sadd('beta:teams', teamId);
}

export async function leaveBeta(teamId: string) {
  await redis.srem('beta:teams', teamId);
}

export async function inBeta(teamId: string) {
  return (await redis.sismember('beta:teams', teamId)) === 1;
}
