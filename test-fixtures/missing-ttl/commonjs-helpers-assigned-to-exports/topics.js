// A topic is cached through the helpers without a TTL; the tag list passes one; the mail queue
// is a list a worker pops, no cache.
const { get: cacheGet, set: cacheSet, enqueue } = require('./cache');
const mongoose = require('mongoose');

const Topic = mongoose.model('Topic', new mongoose.Schema({ title: String, tags: [String] }));

exports.show = async (id) => {
  let topic = await cacheGet('topic:' + id);
  if (topic) return topic;
  topic = await Topic.findById(id).lean();
  await cacheSet('topic:' + id, topic); // expect: missing-ttl
  return topic;
};

exports.tags = async (id) => {
  let tags = await cacheGet('topic_tags:' + id);
  if (tags) return tags;
  tags = (await Topic.findById(id).select('tags').lean()).tags;
  await cacheSet('topic_tags:' + id, tags, 600);
  return tags;
};

exports.notify = async (id, email) => {
  await enqueue('mail', { id, email });
};
