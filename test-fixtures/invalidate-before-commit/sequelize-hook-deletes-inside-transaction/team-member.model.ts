import Redis from 'ioredis';
import { AfterCreate, AfterDestroy, Column, Model, Table } from 'sequelize-typescript';

const redis = new Redis();

/** The hooks run inside the transaction the create or destroy was given: before it commits. */
@Table({ tableName: 'team_members' })
export class TeamMember extends Model {
  @Column teamId: string;
  @Column userId: string;

  @AfterCreate
  static async invalidateTeamsAfterCreate(member: TeamMember) {
    await redis.del(`user-teams:${member.userId}`); // expect: invalidate-before-commit
  }

  @AfterDestroy
  static async invalidateTeamsAfterDestroy(member: TeamMember) {
    await redis.del(`user-teams:${member.userId}`); // expect: invalidate-before-commit
  }
}
