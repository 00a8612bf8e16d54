// Two keys written through in one pipeline after a Knex transaction updates the order.
import Redis from 'ioredis';
import type { Knex } from 'knex';

const redis = new Redis();

export async function shipOrder(knex: Knex, orderId: number, trackingCode: string) {
  const [order] = await knex('orders').where({ id: orderId }).update({ status: 'shipped', tracking_code: trackingCode }, '*');
  await redis
    .pipeline()
    .del(`order:${orderId}`) // expect: set-after-commit
    .del(`order:${orderId}:status`) // expect: set-after-commit
    .exec();
  return order;
}
