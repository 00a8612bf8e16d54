// A Mongoose post('save') hook writes the saved document through to the cache.
import Redis from 'ioredis';
import mongoose, { Schema } from 'mongoose';

const redis = new Redis();

const ArticleSchema = new Schema({ title: String, body: String });

ArticleSchema.post('save', async function (doc) {
  await redis.del(`article:${doc._id}`); // expect: set-after-commit
});

ArticleSchema.post('deleteOne', { document: true, query: false }, async function (doc) {
  await redis.del(`article:${doc._id}`);
});

export const Article = mongoose.model('Article', ArticleSchema);
