const Redis = require('ioredis');
const { Op } = require('sequelize');
const { Order } = require('./models');

const redis = new Redis(process.env.REDIS_URL);

async function openOrdersCount(customerId) {
  const key = `orders:open:${customerId}`;
  const cached = await redis.get(key);
  if (cached !== null) return Number(cached);
  const count = await Order.count({ where: { customerId, status: { [Op.ne]: 'closed' } } });
  await redis.set(key, String(count), 'EX', 300); // expect: missing-ttl
  return count;
}

module.exports = { openOrdersCount };
