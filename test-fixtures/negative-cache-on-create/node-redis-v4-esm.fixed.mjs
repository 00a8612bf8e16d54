import { createClient } from 'redis';
import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL);
const Team = sequelize.define('team', { slug: DataTypes.STRING, name: DataTypes.STRING });

const client = await createClient({ url: process.env.REDIS_URL }).connect();

export async function teamBySlug(slug) {
  const cached = await client.get(`team:${slug}`);
  if (cached !== null) return JSON.parse(cached);
  const team = await Team.findOne({ where: { slug } });
  await client.set(`team:${slug}`, team ? JSON.stringify(team) : JSON.stringify(null), { EX: team ? 600 : 20 });
  return team;
}

export async function createTeam(slug, name) {
  const team = await Team.create({ slug, name }); // expect: negative-cache-on-create
  await client.del(`team:${team.slug}`);
  return team.toJSON();
}
