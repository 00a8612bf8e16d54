// Mongoose session transaction; the refreshed order is written through after it commits.
import Redis from 'ioredis';
import mongoose from 'mongoose';
import { Order } from './models/order.model';

const redis = new Redis();

export async function markPaid(orderId: string, paymentId: string) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Order.updateOne({ _id: orderId }, { $set: { status: 'paid', paymentId } }, { session });
    });
  } finally {
    await session.endSession();
  }
  const order = await Order.findById(orderId).lean();
  await redis.set(`order:${orderId}`, JSON.stringify(order), 'EX', 600); // expect: set-after-commit
  return order;
}
