// The trending list ranks reels by views and keeps the top twenty for five minutes: a view or a
// like reorders it and a new reel starts at the bottom, so neither is meant to clear it. A removed
// reel would stay on show, and the latest list (ordered by time, captions only) misses a new reel:
// those do.
const NodeCache = require('node-cache');
const mongoose = require('mongoose');

const reelCache = new NodeCache({ stdTTL: 300 });
const Reel = mongoose.model('Reel', new mongoose.Schema({ caption: String, viewCount: Number, likes: Number, createdAt: Date }));

async function trending() {
  const cached = reelCache.get('reels:trending');
  if (cached) return cached;
  const reels = await Reel.find().sort({ viewCount: -1, likes: -1 }).limit(20).lean();
  reelCache.set('reels:trending', reels);
  return reels;
}

async function latest() {
  const cached = reelCache.get('reels:latest');
  if (cached) return cached;
  const reels = await Reel.find().sort({ createdAt: -1 }).limit(10).select('caption createdAt').lean();
  reelCache.set('reels:latest', reels);
  return reels;
}

async function like(id) {
  await Reel.updateOne({ _id: id }, { $set: { likes: 10 } });
}

async function publish(caption) {
  const reel = await Reel.create({ caption, viewCount: 0, likes: 0 }); // expect: missing-invalidation
  return reel;
}

async function takeDown(id) {
  await Reel.deleteOne({ _id: id }); // expect: missing-invalidation
}

module.exports = { trending, latest, like, publish, takeDown };
