import { db } from '~/server/db';

/** The admin route writes the team itself: the cached team keeps sending for two minutes. */
export async function blockTeam(teamId: number) {
  await db.team.update({ where: { id: teamId }, data: { isBlocked: true } }); // expect: missing-invalidation
}
