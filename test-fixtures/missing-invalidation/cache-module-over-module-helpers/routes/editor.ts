// The editor's routes: renaming clears the cached copy, unpublishing forgets to.
import express from 'express';
import { Types } from 'mongoose';
import ArticleCache from '../cache/repository/ArticleCache';
import ArticleRepo from '../database/repository/ArticleRepo';

const router = express.Router();

router.put('/rename/:id', async (req, res) => {
  const _id = new Types.ObjectId(req.params.id);
  await ArticleRepo.update({ _id, title: req.body.title, text: req.body.text });
  await ArticleCache.remove(_id);
  res.sendStatus(204);
});

router.put('/unpublish/:id', async (req, res) => {
  const _id = new Types.ObjectId(req.params.id);
  await ArticleRepo.update({ _id, title: req.body.title, text: req.body.text, isPublished: false }); // expect: missing-invalidation
  res.sendStatus(204);
});

export default router;
