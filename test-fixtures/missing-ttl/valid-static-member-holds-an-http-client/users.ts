// valid: `Api.client` is an axios instance; `Api.client.put('/users/1', …)` writes no cache. The
// Redis client in a static member expires what it sets.
import Redis from 'ioredis';
import { Api } from './api';

class Store {
  static redis = new Redis();
}

export async function renameUser(id: string, name: string) {
  const { data } = await Api.client.get(`/users/${id}`);
  await Api.client.put(`/users/${id}`, { ...data, name });
  await Store.redis.del(`user:${id}`);
}

export async function userOf(id: string) {
  const hit = await Store.redis.get(`user:${id}`);
  if (hit) return JSON.parse(hit);
  const { data } = await Api.client.get(`/users/${id}`);
  await Store.redis.set(`user:${id}`, JSON.stringify(data), 'EX', 60);
  return data;
}
