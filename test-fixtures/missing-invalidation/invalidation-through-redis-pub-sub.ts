// Order writes publish on a Redis channel; a subscriber started with the app deletes the user's
// cached orders. A write that publishes nothing (the refund) still leaves them stale.
import Redis from 'ioredis';
import { createClient } from 'redis';
import mongoose from 'mongoose';

const redis = new Redis();
const subscriber = createClient();
const Order = mongoose.model('Order', new mongoose.Schema({ userId: String, status: String }));

export async function ordersOf(userId: string) {
  const hit = await redis.get(`orders:user:${userId}`);
  if (hit) return JSON.parse(hit);
  const rows = await Order.find({ userId }).lean();
  await redis.set(`orders:user:${userId}`, JSON.stringify(rows), 'EX', 600);
  return rows;
}

async function invalidateUserOrderCaches(userId: string) {
  await redis.del(`orders:user:${userId}`);
}

export async function startSubscribers() {
  await subscriber.subscribe('user-order-modified', async (message) => {
    const { userId } = JSON.parse(message);
    await invalidateUserOrderCaches(userId);
  });
}

export async function editOrder(id: string, userId: string, status: string) {
  await Order.updateOne({ _id: id }, { $set: { status } });
  await redis.publish('user-order-modified', JSON.stringify({ userId }));
}

export async function refund(id: string) {
  await Order.updateOne({ _id: id }, { $set: { status: 'refunded' } }); // expect: missing-invalidation
}
