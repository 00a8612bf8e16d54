import Router from 'koa-router';
import RedisService, { CACHE_KEY } from './redis.service';
import { Repository } from './models';

const router = new Router();

router.get('/repository/:id', async (ctx) => {
  const id = Number(ctx.params.id);
  const cached = await RedisService.getCache(CACHE_KEY.REPOSITORY_GET, id);
  if (cached) {
    ctx.body = JSON.parse(cached);
    return;
  }
  const repository = await Repository.findByPk(id);
  await RedisService.setCache(CACHE_KEY.REPOSITORY_GET, JSON.stringify(repository), id);
  ctx.body = repository;
});

// the new row written back after the update: a reader that loaded the old row can set it after
router.post('/repository/:id/rename', async (ctx) => {
  const id = Number(ctx.params.id);
  await Repository.update({ name: ctx.request.body.name }, { where: { id } });
  const repository = await Repository.findByPk(id);
  await RedisService.setCache(CACHE_KEY.REPOSITORY_GET, JSON.stringify(repository), id); // expect: set-after-commit
  ctx.body = repository;
});

router.post('/repository/:id/lock', async (ctx) => {
  const id = Number(ctx.params.id);
  await Repository.update({ locked: true }, { where: { id } });
  await RedisService.delCache(CACHE_KEY.REPOSITORY_GET, id);
  ctx.body = { ok: true };
});

export default router;
