import type { Redis } from 'ioredis';
import type { Repository } from 'typeorm';
import { LoadingCache } from './lib/loading-cache';

export interface TeamMember { id: string; teamId: string; userId: string }
export interface Invite { id: string; teamId: string; email: string }

// Member ids are cached per team, loaded from the team_member table.
export class TeamMembers {
  public readonly members: LoadingCache<string[]>;

  constructor(redis: Redis, private readonly teamMembers: Repository<TeamMember>) {
    this.members = new LoadingCache<string[]>(redis, 'teamMembers', {
      ttlSeconds: 900,
      fetcher: (teamId) => this.teamMembers.find({ where: { teamId } }).then((rows) => rows.map((r) => r.userId)),
    });
  }

  async isMember(teamId: string, userId: string): Promise<boolean> {
    return (await this.members.get(teamId)).includes(userId);
  }
}

// Another service changes the same rows and never tells the cache.
export class OffboardingJob {
  constructor(
    private readonly teamMembers: Repository<TeamMember>,
    private readonly invites: Repository<Invite>,
    private readonly team: TeamMembers,
  ) {}

  async removeUser(teamId: string, userId: string): Promise<void> {
    await this.teamMembers.delete({ teamId, userId }); // expect: missing-invalidation
  }

  // look-alike: the same delete, and the team's cached entry is dropped after it
  async removeUserAndForget(teamId: string, userId: string): Promise<void> {
    await this.teamMembers.delete({ teamId, userId });
    await this.team.members.forget(teamId);
  }

  // look-alike: the invite table is no part of what the cache loads
  async revokeInvites(teamId: string): Promise<void> {
    await this.invites.delete({ teamId });
  }
}
