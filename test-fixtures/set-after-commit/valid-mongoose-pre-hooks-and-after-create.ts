// valid: `pre` middleware runs before the write, `post('insertMany')` after creates only, and a
// Sequelize afterCreate hook caches a new row
import Redis from 'ioredis';
import { Schema } from 'mongoose';
import { DataTypes, Model, Sequelize } from 'sequelize';

const redis = new Redis();
const sequelize = new Sequelize(process.env.DATABASE_URL!);

const NoteSchema = new Schema({ text: String });

NoteSchema.pre('save', async function () {
  await redis.set(`note:${this._id}`, JSON.stringify(this), 'EX', 120);
});

NoteSchema.post('insertMany', async function (docs: any[]) {
  for (const doc of docs) await redis.set(`note:${doc._id}`, JSON.stringify(doc), 'EX', 120);
});

class Tag extends Model {
  declare id: number;
}
Tag.init({ id: { type: DataTypes.INTEGER, primaryKey: true } }, { sequelize, tableName: 'tags' });
Tag.afterCreate(async (tag: Tag) => {
  await redis.set(`tag:${tag.id}`, JSON.stringify(tag.toJSON()), 'EX', 120);
});

export async function note(id: string, load: (id: string) => Promise<unknown>) {
  const hit = await redis.get(`note:${id}`);
  return hit ? JSON.parse(hit) : load(id);
}
