// valid: a Redis list used as a queue is drained inside the transaction; it holds no copy of a row.
import Redis from 'ioredis';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const redis = new Redis();

export async function flushPageViews() {
  await db.transaction(async (trx) => {
    const batch = await redis.lrange('queue:pageviews', 0, 999);
    await trx('page_views').insert(batch.map((b) => JSON.parse(b)));
    await redis.ltrim('queue:pageviews', batch.length, -1);
    await redis.del('queue:pageviews:pending');
  });
}
