import { PrismaClient } from '@prisma/client';
import { redirects } from './redis-default-import';
import { redis, memo } from './redis-global-singleton';
import { sessions, mixed } from './redis-cluster-or-single';
import { getClient } from './redis-memoised-getter';

const prisma = new PrismaClient();

export async function link(slug: string) {
  const hit = await redirects.get(`link:${slug}`);
  if (hit) return hit;
  const row = await prisma.link.findUniqueOrThrow({ where: { slug } });
  await redirects.set(`link:${slug}`, row.url); // expect: missing-ttl
  return row.url;
}

export async function project(id: string) {
  const hit = await redis.get(`project:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.project.findUnique({ where: { id } });
  await redis.set(`project:${id}`, JSON.stringify(row)); // expect: missing-ttl
  return row;
}

export async function team(id: string) {
  const hit = await sessions.get(`team:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.team.findUnique({ where: { id } });
  await sessions.set(`team:${id}`, JSON.stringify(row)); // expect: missing-ttl
  return row;
}

export async function member(id: string) {
  const client = await getClient();
  const hit = await client.get(`member:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.member.findUnique({ where: { id } });
  await client.set(`member:${id}`, JSON.stringify(row)); // expect: missing-ttl
  return row;
}

export async function label(id: string) {
  const hit = memo.get(`label:${id}`);
  if (hit) return hit;
  const row = await prisma.label.findUniqueOrThrow({ where: { id } });
  memo.set(`label:${id}`, row.name);
  const other = await mixed.get(`label:${id}`);
  if (!other) await mixed.set(`label:${id}`, row.name);
  return row.name;
}
