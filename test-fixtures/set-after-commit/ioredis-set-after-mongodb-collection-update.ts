// Native MongoDB driver: updateOne on a collection, then a write-through of the re-read document.
import Redis from 'ioredis';
import { MongoClient, ObjectId } from 'mongodb';

const mongo = new MongoClient(process.env.MONGO_URL!);
const redis = new Redis();

export async function addTag(postId: string, tag: string) {
  const posts = mongo.db('blog').collection('posts');
  await posts.updateOne({ _id: new ObjectId(postId) }, { $addToSet: { tags: tag } });
  const post = await posts.findOne({ _id: new ObjectId(postId) });
  await redis.set(`post:${postId}`, JSON.stringify(post), 'PX', 60_000); // expect: set-after-commit
  return post;
}
