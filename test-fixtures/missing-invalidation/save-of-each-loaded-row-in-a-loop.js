const Redis = require('ioredis');
const mongoose = require('mongoose');
const redis = new Redis();
const Ticket = mongoose.model('Ticket', new mongoose.Schema({ status: String, shop: String }));
async function openTickets(shop) {
  const hit = await redis.get(`tickets:list:${shop}`);
  if (hit) return JSON.parse(hit);
  const rows = await Ticket.find({ shop });
  await redis.setex(`tickets:list:${shop}`, 1800, JSON.stringify(rows));
  return rows;
}
async function expireTickets() {
  const stale = await Ticket.find({ status: 'open' });
  for (const t of stale) {
    t.status = 'expired';
    await t.save(); // expect: missing-invalidation
  }
}
module.exports = { openTickets, expireTickets };
module.exports.jobs = [expireTickets];
