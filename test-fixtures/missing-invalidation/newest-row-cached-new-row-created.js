// The newest admin is cached as the contact: a new admin takes its place, and the cache keeps the old one
const Redis = require('ioredis');
const mongoose = require('mongoose');
const redis = new Redis();
const Admin = mongoose.model('Admin', new mongoose.Schema({ email: String, createdAt: Date }));

async function publicContact() {
  const hit = await redis.get('public_admin_contact');
  if (hit) return JSON.parse(hit);
  const admin = await Admin.findOne().select('email').sort('-createdAt');
  await redis.set('public_admin_contact', JSON.stringify(admin), 'EX', 3600);
  return admin;
}

async function addAdmin(email) {
  await Admin.create({ email, createdAt: new Date() }); // expect: missing-invalidation
}

module.exports = { publicContact, addAdmin };
