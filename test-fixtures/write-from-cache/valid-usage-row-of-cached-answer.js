// valid: a request answered from the cache is logged as a new AiUsage row quoting the cached
// answer's model; the log is append-only, nothing cached is written back
const Redis = require('ioredis');
const mongoose = require('mongoose');

const redis = new Redis();
const AiUsage = mongoose.model('AiUsage', new mongoose.Schema({ endpoint: String, model: String, cacheHit: Boolean }));
const Brief = mongoose.model('Brief', new mongoose.Schema({ articleId: String, text: String, model: String }));

async function brief(req, res) {
  const key = `ai:brief:${req.params.id}`;
  const hit = await redis.get(key);
  if (hit) {
    const cached = JSON.parse(hit);
    await AiUsage.create({ endpoint: 'brief', model: cached.model, cacheHit: true });
    return res.json(cached);
  }
  const generated = await Brief.findOne({ articleId: req.params.id }).lean();
  await redis.set(key, JSON.stringify(generated), 'EX', 86400);
  res.json(generated);
}

module.exports = { brief };
