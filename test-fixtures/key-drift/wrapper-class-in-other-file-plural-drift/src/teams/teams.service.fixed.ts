import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AppCache } from '../cache/app-cache';
import type { Team, TeamDocument } from './team.schema';

@Injectable()
export class TeamsService {
  constructor(
    @InjectModel('Team') private readonly teamModel: Model<TeamDocument>,
    private readonly cache: AppCache,
  ) {}

  async members(teamId: string): Promise<Team['members']> {
    const hit = await this.cache.get<Team['members']>(`teams:${teamId}:members`);
    if (hit) return hit;
    const team = await this.teamModel.findById(teamId).lean();
    const members = team?.members ?? [];
    await this.cache.set(`teams:${teamId}:members`, members, 300);
    return members;
  }

  async addMember(teamId: string, userId: string): Promise<void> {
    await this.teamModel.updateOne({ _id: teamId }, { $addToSet: { members: userId } });
    await this.cache.invalidate(`teams:${teamId}:members`); // expect: key-drift
  }
}
