// valid: the write paths do not delete the cached rows themselves; the ORM hooks that run after
// those writes do (a Sequelize model hook, a TypeORM entity listener).
import { DataTypes, Model, Sequelize } from 'sequelize';
import { AfterUpdate, Column, Entity, PrimaryGeneratedColumn, type Repository } from 'typeorm';
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

@Entity()
export class Badge {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() label!: string;

  @AfterUpdate()
  async dropCached() {
    await redis.del(`badge:${this.id}`);
  }
}

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

export async function findBadge(badges: Repository<Badge>, id: string) {
  const hit = await redis.get(`badge:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await badges.findOneBy({ id });
  await redis.set(`badge:${id}`, JSON.stringify(row), 'EX', 300);
  return row;
}

export async function relabel(badges: Repository<Badge>, badge: Badge, label: string) {
  badge.label = label;
  await badges.save(badge);
}
