// The public read path: the cache first, the published row on a miss.
import { Types } from 'mongoose';
import ArticleCache from '../cache/repository/ArticleCache';
import ArticleRepo from '../database/repository/ArticleRepo';

export async function getArticle(id: string) {
  const articleId = new Types.ObjectId(id);
  let article = await ArticleCache.fetchById(articleId);
  if (!article) {
    article = await ArticleRepo.findPublishedById(articleId);
    if (article) await ArticleCache.save(article);
  }
  return article;
}
