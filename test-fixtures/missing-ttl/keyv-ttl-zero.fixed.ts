import Keyv from 'keyv';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const cache = new Keyv({ namespace: 'orgs' });

export async function orgName(orgId: string) {
  const hit = await cache.get(`org:${orgId}:name`);
  if (hit) return hit as string;
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: orgId } });
  // a ttl of 0 means "never expire" to Keyv
  await cache.set(`org:${orgId}:name`, org.name, 300000); // expect: missing-ttl
  return org.name;
}
