// A feed page cached per session: the session id comes from the client or is minted for a new
// session, so no write path can name the key and only its TTL ends it. The same page cached per
// user alone is a cache the writes below must clear.
const crypto = require('crypto');
const Redis = require('ioredis');
const mongoose = require('mongoose');

const redis = new Redis();
const Reel = mongoose.model('Reel', new mongoose.Schema({ title: String, viewCount: Number }));

async function sessionFeed(req, res) {
  const sessionId = req.query.sessionId || crypto.randomUUID();
  const key = `reels_feed_${req.user.id}_page_${req.query.page}_session_${sessionId}`;
  const cached = await redis.get(key);
  if (cached) return res.json(JSON.parse(cached));
  const reels = await Reel.find().sort({ viewCount: -1 }).limit(20).lean();
  await redis.set(key, JSON.stringify(reels), 'EX', 3600);
  res.json(reels);
}

async function topReel(req, res) {
  const key = `reel:${req.params.id}`;
  const cached = await redis.get(key);
  if (cached) return res.json(JSON.parse(cached));
  const reel = await Reel.findById(req.params.id).lean();
  await redis.set(key, JSON.stringify(reel), 'EX', 3600);
  res.json(reel);
}

async function retitleReel(id, title) {
  await Reel.updateOne({ _id: id }, { $set: { title } }); // expect: missing-invalidation
}

module.exports = { sessionFeed, topReel, retitleReel };
