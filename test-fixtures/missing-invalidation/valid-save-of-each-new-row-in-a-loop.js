// valid: the loop saves tickets it has just built, and no cached list of tickets exists; only one ticket is cached per id
const Redis = require('ioredis');
const mongoose = require('mongoose');
const redis = new Redis();
const Ticket = mongoose.model('Ticket', new mongoose.Schema({ status: String, shop: String }));
async function ticket(id) {
  const hit = await redis.get(`ticket:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await Ticket.findById(id);
  await redis.setex(`ticket:${id}`, 1800, JSON.stringify(row));
  return row;
}
async function importTickets(rows) {
  const fresh = rows.map((r) => new Ticket({ status: 'open', shop: r.shop }));
  for (const t of fresh) {
    await t.save();
  }
}
module.exports = { ticket, importTickets };
module.exports.jobs = [importTickets];
