// The hooks here clear the cache for another entity, or after another kind of write: the update
// and the delete below still leave their cached rows.
import { DataTypes, Model, Sequelize } from 'sequelize';
import Redis from 'ioredis';

const redis = new Redis();
const sequelize = new Sequelize(process.env.DATABASE_URL!);

export class CouponModel extends Model {
  declare id: string;
  declare code: string;
}
CouponModel.init({ id: { type: DataTypes.UUID, primaryKey: true }, code: DataTypes.STRING }, { sequelize, tableName: 'coupons' });

export class WalletModel extends Model {
  declare id: string;
  declare balance: number;
}
WalletModel.init({ id: { type: DataTypes.UUID, primaryKey: true }, balance: DataTypes.INTEGER }, { sequelize, tableName: 'wallets' });

// runs after a coupon is destroyed, not after it is updated
CouponModel.afterDestroy(async (row: CouponModel) => {
  await redis.del(`coupon:${row.id}`);
});

// a wallet hook: says nothing about coupons
WalletModel.afterUpdate(async (row: WalletModel) => {
  await redis.del(`wallet:${row.id}`);
});

export async function findCoupon(id: string) {
  const hit = await redis.get(`coupon:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await CouponModel.findByPk(id);
  await redis.set(`coupon:${id}`, JSON.stringify(row), 'EX', 300);
  return row;
}

export async function renameCoupon(id: string, code: string) {
  await CouponModel.update({ code }, { where: { id } }); // expect: missing-invalidation
}
