// valid: no code of this project opens a transaction: the hook runs after the write autocommitted.
import Redis from 'ioredis';
import { AfterCreate, Column, Model, Table } from 'sequelize-typescript';

const redis = new Redis();

@Table({ tableName: 'team_members' })
export class TeamMember extends Model {
  @Column userId: string;

  @AfterCreate
  static async invalidateTeamsAfterCreate(member: TeamMember) {
    await redis.del(`user-teams:${member.userId}`);
  }
}
