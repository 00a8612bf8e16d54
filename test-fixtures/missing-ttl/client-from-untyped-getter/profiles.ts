import { PrismaClient } from '@prisma/client';
import { KvStore } from './kv-store';

const prisma = new PrismaClient();
const kv = new KvStore();

export async function profile(id: string) {
  const hit = await kv.read(`profile:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.profile.findUnique({ where: { id } });
  await kv.put(`profile:${id}`, JSON.stringify(row)); // expect: missing-ttl
  return row;
}

// look-alike: the caller passes the TTL the facade takes
export async function badge(id: string) {
  const hit = await kv.read(`badge:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.badge.findUnique({ where: { id } });
  await kv.put(`badge:${id}`, JSON.stringify(row), 300);
  return row;
}
