// valid: set/setnx followed by expire of the same key in the same function: the key does get an expiry
import Redis from 'ioredis';

const redis = new Redis();

export async function claimJob(jobId: string, worker: string) {
  const ok = await redis.setnx(`job:${jobId}:owner`, worker);
  await redis.expire(`job:${jobId}:owner`, 120);
  return ok === 1;
}

export async function cacheBlob(id: string, blob: string) {
  await redis.set(`blob:${id}`, blob);
  await redis.pexpire(`blob:${id}`, 60_000);
}
