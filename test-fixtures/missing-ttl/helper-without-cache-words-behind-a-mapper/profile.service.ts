import { PrismaClient } from '@prisma/client';
import { readCached } from './cache-reads';
import { remember } from './remember';
import type { ProfileView } from './profile.dto';
import { toProfileView } from './profile.mapper';

const prisma = new PrismaClient();

export async function findProfile(id: string): Promise<ProfileView | undefined> {
  const hit = await readCached<ProfileView>(`profile:${id}`);
  if (hit) return hit;
  const row = await prisma.profile.findUnique({ where: { id } });
  if (!row) return undefined;
  const view = toProfileView(row);
  await remember(`profile:${id}`, view); // expect: missing-ttl
  return view;
}
