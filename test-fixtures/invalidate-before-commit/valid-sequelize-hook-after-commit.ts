// valid: the hook hands the delete to `transaction.afterCommit` (or runs it after an autocommit).
import Redis from 'ioredis';
import { AfterUpdate, Column, Model, Sequelize, Table } from 'sequelize-typescript';
import type { InstanceUpdateOptions } from 'sequelize';

const redis = new Redis();
const sequelize = new Sequelize(process.env.DATABASE_URL!);

@Table({ tableName: 'users' })
export class User extends Model {
  @Column role: string;

  @AfterUpdate
  static async invalidateAfterRoleChange(model: User, options: InstanceUpdateOptions) {
    const invalidate = () => redis.del(`user-collections:${model.id}`);
    if (options.transaction) options.transaction.afterCommit(invalidate);
    else await invalidate();
  }
}

export async function promote(id: string) {
  await sequelize.transaction(async (transaction) => {
    await User.update({ role: 'admin' }, { where: { id }, transaction, individualHooks: true });
  });
}
