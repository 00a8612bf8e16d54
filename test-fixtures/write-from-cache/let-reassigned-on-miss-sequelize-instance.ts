import { createClient } from 'redis';
import { DataTypes, Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
class Team extends Model {}
Team.init({ name: DataTypes.STRING, seats: DataTypes.INTEGER }, { sequelize });

const redis = createClient();

export async function addSeat(id: number) {
  let team = JSON.parse((await redis.get(`team:${id}`)) ?? 'null');
  if (!team) {
    team = (await Team.findByPk(id))?.toJSON();
    await redis.set(`team:${id}`, JSON.stringify(team), { EX: 600 });
  }
  await Team.update({ seats: team.seats + 1 }, { where: { id } }); // expect: write-from-cache
  await redis.del(`team:${id}`);
}
