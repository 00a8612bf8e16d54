// Each entity has a hook that deletes its cached row, but these writes do not run it: TypeORM's
// update() runs no entity listener, a static Sequelize update() no instance hook (without
// individualHooks), and a Mongoose updateOne() no save middleware.
import Redis from 'ioredis';
import { DataTypes, Model, Sequelize } from 'sequelize';
import mongoose, { Schema } from 'mongoose';
import { AfterUpdate, Column, Entity, PrimaryGeneratedColumn, type Repository } from 'typeorm';

const redis = new Redis();
const sequelize = new Sequelize(process.env.DATABASE_URL!);

@Entity()
export class Ticket {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() status!: string;

  @AfterUpdate()
  async dropCached() {
    await redis.del(`ticket:${this.id}`); // expect: invalidate-before-commit
  }
}

export async function findTicket(tickets: Repository<Ticket>, id: string) {
  const hit = await redis.get(`ticket:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await tickets.findOneBy({ id });
  await redis.set(`ticket:${id}`, JSON.stringify(row), 'EX', 300);
  return row;
}

export async function closeTicket(tickets: Repository<Ticket>, id: string) {
  await tickets.update({ id }, { status: 'closed' }); // expect: missing-invalidation
}

export class ParcelModel extends Model {
  declare id: string;
  declare weight: number;
}
ParcelModel.init({ id: { type: DataTypes.UUID, primaryKey: true }, weight: DataTypes.INTEGER }, { sequelize, tableName: 'parcels' });
ParcelModel.afterUpdate(async (row: ParcelModel) => {
  await redis.del(`parcel:${row.id}`);
});

export async function findParcel(id: string) {
  const hit = await redis.get(`parcel:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await ParcelModel.findByPk(id);
  await redis.set(`parcel:${id}`, JSON.stringify(row), 'EX', 300);
  return row;
}

export async function reweigh(id: string, weight: number) {
  await ParcelModel.update({ weight }, { where: { id } }); // expect: missing-invalidation
}

const dockSchema = new Schema({ name: String });
dockSchema.post('save', async (doc: { _id: string }) => {
  await redis.del(`dock:${doc._id}`);
});
const Dock = mongoose.model('Dock', dockSchema);

export async function findDock(id: string) {
  const hit = await redis.get(`dock:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await Dock.findById(id).lean();
  await redis.set(`dock:${id}`, JSON.stringify(row), 'EX', 300);
  return row;
}

export async function renameDock(id: string, name: string) {
  await Dock.updateOne({ _id: id }, { name }); // expect: missing-invalidation
}
