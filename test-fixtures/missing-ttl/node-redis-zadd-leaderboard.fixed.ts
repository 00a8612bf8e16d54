import { createClient, type RedisClientType } from 'redis';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

interface DB {
  scores: { player_id: string; season: string; points: number };
}

const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new Pool() }) });

export async function buildLeaderboard(redis: RedisClientType, season: string) {
  const rows = await db.selectFrom('scores').select(['player_id', 'points']).where('season', '=', season).execute();
  for (const r of rows) {
    await redis.zAdd(`leaderboard:${season}`, { score: r.points, value: r.player_id }); // expect: missing-ttl
    await redis.expire(`leaderboard:${season}`, 300);
  }
}
