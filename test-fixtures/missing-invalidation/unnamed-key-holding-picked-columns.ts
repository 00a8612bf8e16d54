// The CORS allow-list is cached under a key that names no table, but its value is the domain
// column picked from verified trust rows: verifying or renaming a domain leaves it stale; a
// change of the portal's theme, a column it did not pick, does not.
import { Redis } from '@upstash/redis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis({ url: process.env.UPSTASH_URL!, token: process.env.UPSTASH_TOKEN! });
const db = new PrismaClient();

export async function allowedOrigins(): Promise<Set<string>> {
  const hit = await redis.get<string[]>('cors:custom-domains');
  if (hit) return new Set(hit);
  const rows = await db.trust.findMany({ where: { domainVerified: true }, select: { domain: true } });
  const domains = rows.map((r) => r.domain).filter(Boolean);
  await redis.set('cors:custom-domains', domains, { ex: 300 });
  return new Set(domains);
}

export async function verifyDomain(organizationId: string, ok: boolean) {
  await db.trust.update({ where: { organizationId }, data: { domainVerified: ok } }); // expect: missing-invalidation
}

export async function setTheme(organizationId: string, theme: string) {
  await db.trust.update({ where: { organizationId }, data: { theme } });
}
