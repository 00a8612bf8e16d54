// A reel cached whole: a view counter bump lags in the cached copy until its TTL (what caching a
// counted document accepts; deleting the key on every view would empty the cache). A retitle of
// the reel does leave it stale.
const Redis = require('ioredis');
const mongoose = require('mongoose');

const redis = new Redis();
const Reel = mongoose.model('Reel', new mongoose.Schema({ title: String, viewCount: Number, likes: Number }));

async function getReel(id) {
  const cached = await redis.get(`reel:${id}`);
  if (cached) return JSON.parse(cached);
  const reel = await Reel.findById(id).lean();
  await redis.set(`reel:${id}`, JSON.stringify(reel), 'EX', 600);
  return reel;
}

async function view(id) {
  await Reel.updateOne({ _id: id }, { $inc: { viewCount: 1, likes: 0 } });
}

async function retitleReel(id, title) {
  await Reel.findByIdAndUpdate(id, { $set: { title } }); // expect: missing-invalidation
}

module.exports = { getReel, view, retitleReel };
