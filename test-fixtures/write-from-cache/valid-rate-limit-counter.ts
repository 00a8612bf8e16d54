// valid: a rate-limit counter read to record an audit row is no cached copy of a row
import Redis from 'ioredis';
import knex from 'knex';

const db = knex({ client: 'pg' });
const redis = new Redis();

export async function audit(ip: string) {
  const hits = await redis.get(`ratelimit:${ip}`);
  await db('audit_log').insert({ ip, hits: Number(hits ?? 0), at: new Date() });
}
