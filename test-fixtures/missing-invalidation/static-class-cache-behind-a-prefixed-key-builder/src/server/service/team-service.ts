import { db } from '~/server/db';
import { getRedis, redisKey } from '~/server/redis';

/** The team row, cached for two minutes under the deployment's key prefix. */
export class TeamService {
  private static cacheKey(teamId: number) {
    return redisKey(`team:${teamId}`);
  }

  static async refreshTeamCache(teamId: number) {
    const team = await db.team.findUnique({ where: { id: teamId } });
    if (!team) return null;
    await getRedis().setex(TeamService.cacheKey(teamId), 120, JSON.stringify(team));
    return team;
  }

  static async invalidateTeamCache(teamId: number) {
    await getRedis().del(TeamService.cacheKey(teamId));
  }

  static async getTeamCached(teamId: number) {
    const raw = await getRedis().get(TeamService.cacheKey(teamId));
    if (raw) return JSON.parse(raw);
    const fresh = await TeamService.refreshTeamCache(teamId);
    if (!fresh) throw new Error('team not found');
    return fresh;
  }

  static async rename(teamId: number, name: string) {
    await db.team.update({ where: { id: teamId }, data: { name } });
    await TeamService.invalidateTeamCache(teamId);
  }
}
