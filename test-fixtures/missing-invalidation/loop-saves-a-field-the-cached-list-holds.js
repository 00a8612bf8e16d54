// The same loop, renaming each source: the cached list holds the name, and nothing deletes it
const Redis = require('ioredis');
const mongoose = require('mongoose');
const redis = new Redis();
const Source = mongoose.model('Source', new mongoose.Schema({ name: String, icon: String, url: String, lastScraped: Date }));

async function allSources() {
  const hit = await redis.get('sources:all');
  if (hit) return JSON.parse(hit);
  const rows = await Source.find({}).select('_id name icon').lean();
  await redis.set('sources:all', JSON.stringify(rows), 'EX', 3600);
  return rows;
}

async function retitleAll(suffix) {
  const sources = await Source.find({ active: true });
  for (const source of sources) {
    source.name = `${source.name} ${suffix}`;
    await source.save(); // expect: missing-invalidation
  }
}

module.exports = { allSources, retitleAll };
