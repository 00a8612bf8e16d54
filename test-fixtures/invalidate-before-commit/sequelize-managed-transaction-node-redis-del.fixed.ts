// Sequelize managed transaction: the order key is deleted before the callback returns and commits.
import { createClient } from 'redis';
import { Sequelize } from 'sequelize';
import { Order } from './models/order';
import { OrderEvent } from './models/order-event';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
const client = createClient();

export async function ship(orderId: number, carrier: string) {
  await sequelize.transaction(async (t) => {
    await Order.update({ status: 'shipped', carrier }, { where: { id: orderId }, transaction: t });
    await OrderEvent.create({ orderId, kind: 'shipped' }, { transaction: t });
  });
  await client.del(`order:${orderId}`); // expect: invalidate-before-commit
}
