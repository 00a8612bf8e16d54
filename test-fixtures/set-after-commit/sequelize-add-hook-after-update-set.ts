// Sequelize hooks registered on the model: `addHook('afterUpdate', …)`, `afterSave(name, fn)` and `afterDestroy(…)`.
import { createClient } from 'redis';
import { DataTypes, Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
const redis = createClient();

export class Team extends Model {
  declare id: number;
  declare name: string;
}
Team.init({ id: { type: DataTypes.INTEGER, primaryKey: true }, name: DataTypes.STRING }, { sequelize, tableName: 'teams' });

Team.addHook('afterUpdate', 'cacheTeam', async (team: Team) => {
  await redis.set(`team:${team.id}`, JSON.stringify(team.toJSON()), { EX: 300 }); // expect: set-after-commit
});

Team.afterDestroy(async (team: Team) => {
  await redis.del(`team:${team.id}`);
});

Team.afterSave('cacheName', async (team: Team) => {
  await redis.set(`team:${team.id}:name`, team.name, { EX: 300 }); // expect: set-after-commit
});
