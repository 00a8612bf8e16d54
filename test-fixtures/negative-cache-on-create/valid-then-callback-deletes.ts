// valid: the create's promise chain deletes the marker in its .then callback
import { createClient } from 'redis';
import { Model, DataTypes, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
export class Venue extends Model {
  declare id: number;
  declare slug: string;
}
Venue.init({ slug: DataTypes.STRING }, { sequelize, tableName: 'venues' });

const redis = createClient();

export async function venueBySlug(slug: string) {
  const cached = await redis.get(`venue:${slug}`);
  if (cached === '') return null;
  if (cached) return JSON.parse(cached);
  const venue = await Venue.findOne({ where: { slug } });
  await redis.set(`venue:${slug}`, venue ? JSON.stringify(venue) : '', { EX: 60 });
  return venue;
}

export function addVenue(slug: string) {
  return Venue.create({ slug }).then(async (venue) => {
    await redis.del(`venue:${venue.slug}`);
    return venue;
  });
}
