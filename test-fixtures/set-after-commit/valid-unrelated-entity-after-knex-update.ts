// valid: the order row is updated, then an unrelated counter snapshot is cached (another entity)
import Redis from 'ioredis';
import type { Knex } from 'knex';

const redis = new Redis();

export async function markDelivered(knex: Knex, orderId: number) {
  await knex('orders').where({ id: orderId }).update({ status: 'delivered', delivered_at: knex.fn.now() });
  const [{ count }] = await knex('orders').where({ status: 'delivered' }).count<{ count: string }[]>('id as count');
  await redis.set('metrics:delivered_total', count, 'EX', 60);
}
