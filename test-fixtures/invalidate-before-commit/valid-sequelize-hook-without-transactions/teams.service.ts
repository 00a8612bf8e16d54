// valid: the create autocommits before its hook runs.
import { TeamMember } from './team-member.model';

export async function join(teamId: string, userId: string) {
  await TeamMember.create({ teamId, userId });
}
