// valid: a generic helper deletes whatever key it is given; the reads beside it build keys of
// several families from the same name, so no one spelling is missing from the delete.
import Redis from 'ioredis';

const redis = new Redis();

export async function profile(key: string) {
  return redis.get(`profile_${key}`);
}

export async function settings(key: string) {
  return redis.get(`settings_${key}`);
}

export async function forget(key: string) {
  await redis.del(key);
}
