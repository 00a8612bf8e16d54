// The feed page is built in a const that wraps the rows ({ posts, nextCursor }): its property names
// are no columns, and a comment's removal changes the counts the posts show
import Redis from 'ioredis';
import mongoose from 'mongoose';

const redis = new Redis();
const Post = mongoose.model('Post', new mongoose.Schema({ content: String, comments: [String], createdAt: Date }));

export async function feed(cursor: string) {
  const hit = await redis.get(`feed:posts:${cursor}`);
  if (hit) return JSON.parse(hit);
  const posts = await Post.find({}).sort({ createdAt: -1 }).limit(20);
  const response = { posts: posts.map((p) => ({ id: p._id, content: p.content, comments: p.comments.length })), nextCursor: posts.length ? String(posts[posts.length - 1].createdAt) : null };
  await redis.set(`feed:posts:${cursor}`, JSON.stringify(response), 'EX', 60);
  return response;
}

export async function removeComment(postId: string, commentId: string) {
  await Post.updateOne({ _id: postId }, { $pull: { comments: commentId } }); // expect: missing-invalidation
}
