// The same helpers through the module object: `cache.set(...)` is the helper, not a client method.
const cache = require('./cache');
const mongoose = require('mongoose');

const Tag = mongoose.model('Tag', new mongoose.Schema({ name: String }));

exports.tag = async (id) => {
  const hit = await cache.get('tag:' + id);
  if (hit) return hit;
  const tag = await Tag.findById(id).lean();
  await cache.set('tag:' + id, tag); // expect: missing-ttl
  return tag;
};

exports.popular = async () => {
  const hit = await cache.get('tags:popular');
  if (hit) return hit;
  const tags = await Tag.find().limit(10).lean();
  await cache.set('tags:popular', tags, 300);
  await cache.enqueue('reindex', { at: Date.now() });
  return tags;
};
