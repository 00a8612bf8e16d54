// valid: the delete is registered with `t.afterCommit`, so it runs once the transaction committed.
import { createClient } from 'redis';
import { Sequelize } from 'sequelize';
import { Order } from './models/order';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
const client = createClient();

export async function cancel(orderId: number) {
  await sequelize.transaction(async (t) => {
    await Order.update({ status: 'cancelled' }, { where: { id: orderId }, transaction: t });
    t.afterCommit(async () => {
      await client.del(`order:${orderId}`);
    });
  });
}
