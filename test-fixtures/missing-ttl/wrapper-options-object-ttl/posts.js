// `{ ex: 600 }` expires the feed; the profile is written with no options and never expires.
const redisHelpers = require('./redis-helpers');
const Post = require('./post.model');
const User = require('./user.model');

async function feed(userId) {
  const key = `feed:posts:${userId}`;
  const hit = await redisHelpers.getJSON(key);
  if (hit) return hit;
  const posts = await Post.find({ author: userId }).lean();
  await redisHelpers.setJSON(key, posts, { ex: 600 });
  return posts;
}

async function profile(userId) {
  const key = `profile:${userId}`;
  const hit = await redisHelpers.getJSON(key);
  if (hit) return hit;
  const user = await User.findById(userId).lean();
  await redisHelpers.setJSON(key, user); // expect: missing-ttl
  return user;
}

module.exports = { feed, profile };
