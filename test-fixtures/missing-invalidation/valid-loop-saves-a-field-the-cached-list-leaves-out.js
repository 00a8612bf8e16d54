// valid: each source saved in the loop changes only lastScraped, and the cached list selects name and icon alone
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

async function scrapeAll() {
  const sources = await Source.find({ active: true });
  for (const source of sources) {
    console.log(`scraping ${source.url}`);
    source.lastScraped = new Date();
    await source.save();
  }
}

module.exports = { allSources, scrapeAll };
