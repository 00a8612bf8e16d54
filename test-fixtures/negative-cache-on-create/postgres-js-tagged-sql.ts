import postgres from 'postgres';
import { Redis } from '@upstash/redis';

const sql = postgres(process.env.DATABASE_URL!);
const redis = new Redis({ url: process.env.UPSTASH_URL!, token: process.env.UPSTASH_TOKEN! });

export async function domainFor(hostname: string) {
  const cached = await redis.get<string>(`domain:${hostname}`);
  if (cached === 'not_found') return null;
  if (cached) return JSON.parse(cached);
  const [domain] = await sql`SELECT id, hostname, site_id FROM domains WHERE hostname = ${hostname}`;
  if (!domain) {
    await redis.set(`domain:${hostname}`, 'not_found', { ex: 300 });
    return null;
  }
  await redis.set(`domain:${hostname}`, JSON.stringify(domain), { ex: 3600 });
  return domain;
}

export async function attachDomain(siteId: string, hostname: string) {
  await sql`INSERT INTO domains (hostname, site_id) VALUES (${hostname}, ${siteId})`; // expect: negative-cache-on-create
}
