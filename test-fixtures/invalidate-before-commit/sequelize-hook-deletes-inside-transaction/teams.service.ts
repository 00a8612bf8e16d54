import { Sequelize } from 'sequelize-typescript';
import { TeamMember } from './team-member.model';

const sequelize = new Sequelize(process.env.DATABASE_URL!);

export async function join(teamId: string, userId: string) {
  await sequelize.transaction(async (transaction) => {
    await TeamMember.create({ teamId, userId }, { transaction });
  });
}
