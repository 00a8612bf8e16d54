const redis = require('./redis');
async function show(id) {
  const hit = await redis.get('topic:' + id);
  if (hit) return JSON.parse(hit);
  const topic = await Topic.findById(id);
  await redis.set('topic:' + id, JSON.stringify(topic));
  return topic;
}
module.exports = { show };
