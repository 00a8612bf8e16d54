// valid: the transaction only reads (a consistent snapshot); the delete races no uncommitted write.
import Redis from 'ioredis';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const redis = new Redis();

export async function rebuildStats(teamId: string) {
  await db.transaction(async (trx) => {
    const members = await trx('members').where({ team_id: teamId }).count();
    const projects = await trx('projects').where({ team_id: teamId }).count();
    await redis.del(`team-stats:${teamId}`);
    return { members, projects };
  });
}
