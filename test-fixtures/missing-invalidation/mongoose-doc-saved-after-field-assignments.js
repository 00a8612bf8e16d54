// A profile cache keeps a user's name, avatar and followed teams. A document loaded and saved in
// the same handler writes the fields assigned to it there: a referral code leaves the cache right;
// a new name, a followed team pushed, or a document handed to a helper first, may not.
const Redis = require('ioredis');
const mongoose = require('mongoose');

const redis = new Redis();
const User = mongoose.model('User', new mongoose.Schema({ name: String, avatar: String, referralCode: String, followedTeams: [String] }));

async function profile(id) {
  const cached = await redis.get(`user:profile:${id}`);
  if (cached) return JSON.parse(cached);
  const user = await User.findById(id).select('name avatar followedTeams').lean();
  await redis.set(`user:profile:${id}`, JSON.stringify(user), 'EX', 600);
  return user;
}

async function assignReferral(id, code) {
  let user = await User.findById(id);
  if (!user) return;
  if (!user.referralCode) {
    user.referralCode = code;
    await user.save();
  }
}

async function rename(id, name) {
  const user = await User.findById(id);
  user.name = name.trim();
  await user.save(); // expect: missing-invalidation
}

async function follow(id, team) {
  const user = await User.findById(id);
  user.followedTeams.push(team);
  await user.save(); // expect: missing-invalidation
}

async function applyImport(id, row, applyRow) {
  const user = await User.findById(id);
  applyRow(user, row);
  user.referralCode = row.code;
  await user.save(); // expect: missing-invalidation
}

module.exports = { profile, assignReferral, rename, follow, applyImport };
