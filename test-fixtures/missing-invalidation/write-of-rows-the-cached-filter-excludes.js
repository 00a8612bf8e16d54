// The dashboard caches a restaurant's paid orders. The nightly cleanup deletes pending orders only:
// none of them is in that list. Archiving paid orders does remove listed rows, and marking pending
// orders paid moves rows into the list: both are reported.
const Redis = require('ioredis');
const mongoose = require('mongoose');

const redis = new Redis();
const Order = mongoose.model('Order', new mongoose.Schema({ restaurantId: String, paymentStatus: String, createdAt: Date }));

async function paidOrders(restaurantId) {
  const key = `orders:paid:${restaurantId}`;
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit);
  const orders = await Order.find({ restaurantId, paymentStatus: 'Paid' }).lean();
  await redis.set(key, JSON.stringify(orders), 'EX', 3600);
  return orders;
}

async function cleanup(before) {
  await Order.deleteMany({ paymentStatus: 'pending', createdAt: { $lt: before } });
}

async function archive(before) {
  await Order.deleteMany({ paymentStatus: 'Paid', createdAt: { $lt: before } }); // expect: missing-invalidation
}

async function settleAll() {
  await Order.updateMany({ paymentStatus: 'pending' }, { $set: { paymentStatus: 'Paid' } }); // expect: missing-invalidation
}

module.exports = { paidOrders, cleanup, archive, settleAll };
