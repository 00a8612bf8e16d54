// A delete can take a callback last (node-redis 3, ioredis): `client.del(key, cb)` deletes one
// key. Renaming a user deletes the session key only; the cached user stays. Deleting the user
// clears it.
const Redis = require('ioredis');
const mongoose = require('mongoose');

const client = new Redis();
const User = mongoose.model('User', new mongoose.Schema({ name: String }));

async function profile(id) {
  const hit = await client.get(`user:${id}`);
  if (hit) return JSON.parse(hit);
  const user = await User.findById(id).lean();
  await client.setex(`user:${id}`, 600, JSON.stringify(user));
  return user;
}

async function rename(id, name) {
  await User.findByIdAndUpdate(id, { $set: { name } }); // expect: missing-invalidation
  client.del(`session:${id}`, (err) => {
    if (err) console.error(err);
  });
}

async function remove(id) {
  await User.findByIdAndDelete(id);
  client.del(`user:${id}`, (err) => {
    if (err) console.error(err);
  });
}

module.exports = { profile, rename, remove };
