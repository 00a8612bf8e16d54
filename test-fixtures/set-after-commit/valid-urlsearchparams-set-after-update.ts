// valid: URLSearchParams.set builds a redirect URL after the update; no cache involved
import type { Request, Response } from 'express';
import knex from 'knex';

const db = knex({ client: 'pg' });

export async function confirmNewsletter(req: Request, res: Response) {
  await db('subscribers').where({ token: req.query.token as string }).update({ confirmed_at: new Date() });
  const params = new URLSearchParams();
  params.set('subscriber', `subscriber:${req.query.token as string}`);
  params.set('status', 'confirmed');
  res.redirect(`/newsletter/thanks?${params.toString()}`);
}
