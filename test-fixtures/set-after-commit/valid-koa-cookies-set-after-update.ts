// valid: Koa's `ctx.cookies.set` writes a response cookie after the update, not a cache entry
import Router from '@koa/router';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
export const router = new Router();

router.post('/preferences/locale', async (ctx) => {
  const { locale } = ctx.request.body as { locale: string };
  const user = await prisma.user.update({ where: { id: ctx.state.userId as string }, data: { locale } });
  ctx.cookies.set('locale', user.locale, { httpOnly: false, maxAge: 365 * 24 * 3600 * 1000 });
  ctx.body = { locale: user.locale };
});
