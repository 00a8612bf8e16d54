import { Router } from 'express';
import { CacheService } from './cache.service';
import { LessonsService } from './lessons.service';

const lessons = new LessonsService(new CacheService());
export const routes = Router().patch('/lessons/:id', async (req, res) => res.json(await lessons.rename(req.params.id, req.body.title)));
