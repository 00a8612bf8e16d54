// A cache write deferred to `transaction.afterCommit` runs after the update committed: the
// write-through race stays.
import Redis from 'ioredis';
import { DataTypes, Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
const redis = new Redis();

class Account extends Model {
  declare id: number;
  declare balance: number;
}
Account.init({ id: { type: DataTypes.INTEGER, primaryKey: true }, balance: DataTypes.INTEGER }, { sequelize, tableName: 'accounts' });

export async function credit(id: number, amount: number) {
  await sequelize.transaction(async (t) => {
    const account = await Account.findByPk(id, { transaction: t, rejectOnEmpty: true });
    await account.update({ balance: account.balance + amount }, { transaction: t });
    t.afterCommit(() => redis.del(`account:${id}`)); // expect: set-after-commit
  });
}
