import { getTeam } from '$lib/server/teams';
import { redis } from '$lib/server/cache';
import { db } from '$lib/server/db';

export const load = async ({ params }: { params: { id: string } }) => ({ team: await getTeam(params.id) });

export const actions = {
  rename: async ({ params, request }: { params: { id: string }; request: Request }) => {
    const name = String((await request.formData()).get('name'));
    await db.team.update({ where: { id: params.id }, data: { name } }); // expect: missing-invalidation
  },
  archive: async ({ params }: { params: { id: string } }) => {
    await db.team.update({ where: { id: params.id }, data: { archived: true } });
    await redis.del(`team:${params.id}`);
  },
};
