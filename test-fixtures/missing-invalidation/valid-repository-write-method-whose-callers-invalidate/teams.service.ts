// valid: every write of a team goes through TeamRepository.update, and both callers delete the
// team's key after it; the repository's own method is no write path of its own
import Redis from 'ioredis';
import { TeamRepository } from './team.repository';

export class TeamsService {
  constructor(
    private readonly redis: Redis,
    private readonly teamRepository: TeamRepository,
  ) {}

  async get(id: string) {
    const hit = await this.redis.get(`team:${id}`);
    if (hit) return JSON.parse(hit);
    const team = await this.teamRepository.findById(id);
    if (team) await this.redis.set(`team:${id}`, JSON.stringify(team), 'EX', 300);
    return team;
  }

  async rename(id: string, name: string) {
    await this.teamRepository.update(id, { name });
    await this.redis.del(`team:${id}`);
  }

  async changePlan(id: string, plan: string) {
    await this.teamRepository.update(id, { plan });
    await this.redis.del(`team:${id}`);
  }
}
