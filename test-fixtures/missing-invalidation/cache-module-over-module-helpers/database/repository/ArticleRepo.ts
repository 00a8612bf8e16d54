// The repository module: one function per query, over the Mongoose model.
import { model, Schema, Types } from 'mongoose';

interface Article {
  _id: Types.ObjectId;
  title: string;
  text: string;
  isPublished?: boolean;
}

const ArticleModel = model<Article>('Article', new Schema<Article>({ title: String, text: String, isPublished: Boolean }));

async function findPublishedById(id: Types.ObjectId) {
  return ArticleModel.findOne({ _id: id, isPublished: true }).lean().exec();
}

async function update(article: Article) {
  return ArticleModel.findByIdAndUpdate(article._id, article, { new: true }).lean().exec();
}

export default { findPublishedById, update };
