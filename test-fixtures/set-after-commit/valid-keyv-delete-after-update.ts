// valid: Keyv's delete after a Sequelize update
import Keyv from 'keyv';
import { DataTypes, Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
const keyv = new Keyv({ ttl: 300_000 });

class Course extends Model {
  declare id: number;
  declare title: string;
}
Course.init({ id: { type: DataTypes.INTEGER, primaryKey: true }, title: DataTypes.STRING }, { sequelize, tableName: 'courses' });

export async function retitle(id: number, title: string) {
  await Course.update({ title }, { where: { id } });
  await keyv.delete(`course:${id}`);
}
