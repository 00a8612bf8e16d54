import type { Request, Response } from 'express';
import knex from 'knex';
import { createClient } from 'redis';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const cache = createClient();

export async function getOrder(req: Request, res: Response) {
  const id = req.params.id;
  const cached = await cache.get(`order_${id}`);
  if (cached) return res.json(JSON.parse(cached));
  const order = await db('orders').where({ id }).first();
  if (!order) return res.sendStatus(404);
  await cache.set(`order_${id}`, JSON.stringify(order), { EX: 120 });
  return res.json(order);
}

export async function cancelOrder(req: Request, res: Response) {
  const id = req.params.id;
  await db('orders').where({ id }).update({ status: 'cancelled' });
  await cache.del(`order_${id}`); // expect: key-drift
  res.sendStatus(204);
}
