import { Hono } from 'hono';
import { changePlan, closeAccount, renameTeam } from './accounts';
import { currentAccount } from './session';
import { changeLocale } from './settings';

export const routes = new Hono()
  .get('/me', async (c) => c.json(await currentAccount(c.req.header('x-account')!)))
  .put('/plan', async (c) => c.json(await changePlan(c.req.header('x-account')!, await c.req.text())))
  .put('/locale', async (c) => c.json(await changeLocale(c.req.header('x-account')!, await c.req.text())))
  .delete('/me', async (c) => c.json(await closeAccount(c.req.header('x-account')!)))
  .put('/teams/:id', async (c) => c.json(await renameTeam(c.req.param('id'), await c.req.text())));
