// valid: the write paths do not delete the cached rows themselves; the ORM hooks that run after
// those writes do (a Sequelize model hook, a Mongoose post hook).
import { DataTypes, Model, Sequelize } from 'sequelize';
import mongoose, { Schema } from 'mongoose';
import Redis from 'ioredis';

const redis = new Redis();
const sequelize = new Sequelize(process.env.DATABASE_URL!);

export class VoucherModel extends Model {
  declare id: string;
  declare code: string;
}
VoucherModel.init({ id: { type: DataTypes.UUID, primaryKey: true }, code: DataTypes.STRING }, { sequelize, tableName: 'vouchers' });

VoucherModel.afterDestroy(async (row: VoucherModel) => {
  await redis.del(`voucher:${row.id}`);
});

const badgeSchema = new Schema({ label: String });
badgeSchema.post('findOneAndUpdate', async (doc: { _id: string } | null) => {
  if (doc) await redis.del(`badge:${doc._id}`);
});
const Badge = mongoose.model('Badge', badgeSchema);

export async function findVoucher(id: string) {
  const hit = await redis.get(`voucher:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await VoucherModel.findByPk(id);
  await redis.set(`voucher:${id}`, JSON.stringify(row), 'EX', 300);
  return row;
}

export async function removeVoucher(id: string) {
  await VoucherModel.destroy({ where: { id }, individualHooks: true });
}

export async function retireVoucher(id: string, code: string) {
  const row = await VoucherModel.findByPk(id);
  if (!row) return;
  row.code = code;
  await row.destroy();
}

export async function findBadge(id: string) {
  const hit = await redis.get(`badge:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await Badge.findById(id).lean();
  await redis.set(`badge:${id}`, JSON.stringify(row), 'EX', 300);
  return row;
}

export async function relabel(id: string, label: string) {
  await Badge.findOneAndUpdate({ _id: id }, { label });
}
