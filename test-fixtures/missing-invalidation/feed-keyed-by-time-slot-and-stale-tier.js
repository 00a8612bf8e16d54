// A story cached per ten-minute slot (the key names the slot it was built in) with a
// stale-while-revalidate tier (the last known copy, kept on purpose while a refresh runs): an edit
// shows once the slot turns. An article cached under a key of its own is reported.
const express = require('express');
const Redis = require('ioredis');
const Article = require('../models/Article');
const Story = require('../models/Story');

const redis = new Redis(process.env.REDIS_URL);
const router = express.Router();

router.get('/stories/:id', async (req, res) => {
  const slot = Math.floor(Date.now() / (10 * 60 * 1000));
  const freshKey = `story_${req.params.id}_${slot}`;
  const staleKey = `story_stale_${req.params.id}`;
  const fresh = await redis.get(freshKey);
  if (fresh) {
    const parsed = JSON.parse(fresh);
    return res.json(parsed);
  }
  const last = await redis.get(staleKey);
  if (last) return res.json(JSON.parse(last));
  const story = await Story.findById(req.params.id).lean();
  await redis.set(freshKey, JSON.stringify(story), 'EX', 600);
  await redis.set(staleKey, JSON.stringify(story), 'EX', 3600);
  res.json(story);
});

router.put('/stories/:id', async (req, res) => {
  // valid: the story is keyed by the time slot, and its stale tier is stale by design
  const updated = await Story.findByIdAndUpdate(req.params.id, req.body, { new: true });
  res.json(updated);
});

router.get('/articles/:id', async (req, res) => {
  const hit = await redis.get(`article:${req.params.id}`);
  if (hit) return res.json(JSON.parse(hit));
  const article = await Article.findById(req.params.id).lean();
  await redis.set(`article:${req.params.id}`, JSON.stringify(article), 'EX', 300);
  res.json(article);
});

router.put('/articles/:id', async (req, res) => {
  const updated = await Article.findByIdAndUpdate(req.params.id, req.body, { new: true }); // expect: missing-invalidation
  res.json(updated);
});

module.exports = router;
